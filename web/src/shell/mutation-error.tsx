// What a failed request said, in the alert every form and list shows under its fields (nothing when it did not fail).
import { Alert } from '@mantine/core';
import { errorMessage } from '../api/client.js';

export function MutationError({ of }: { of: { isError: boolean; error: unknown } }) {
  if (!of.isError) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(of.error)}
    </Alert>
  );
}
