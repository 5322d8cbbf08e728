// The foot of every Shadowing dialog: what the server refused, Cancel, and the dialog's own action.
import { Button, Group } from '@mantine/core';
import { MutationError } from '../shell/mutation-error.js';

interface DialogActionsProps {
  /** The mutation the dialog runs: its error shows above the buttons, its pending state on the action. */
  of: { isError: boolean; error: unknown; isPending: boolean };
  label: string;
  onCancel: () => void;
  /** Without it the action submits the dialog's form. */
  onConfirm?: () => void;
  disabled?: boolean;
  color?: string;
}

export function DialogActions({ of, label, onCancel, onConfirm, disabled = false, color }: DialogActionsProps) {
  return (
    <>
      <MutationError of={of} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type={onConfirm ? 'button' : 'submit'} onClick={onConfirm} loading={of.isPending} disabled={disabled} {...(color ? { color } : {})}>
          {label}
        </Button>
      </Group>
    </>
  );
}
