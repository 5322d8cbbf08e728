// The words of the demo's wins (SPEC S8 "a living product"): titles and stories by kind, kudos comments. Data, not
// logic: demo.ts picks from these with a seeded generator.
export const CAMPAIGNS: Array<[title: string, story: string]> = [
  ['Launched the Q{q} webinar series on pipeline hygiene', 'Three sessions booked with 240 registrations in the first week; SDRs are calling attendees within a day.'],
  ['Account-based campaign for the top 50 mid-market accounts is live', 'Sales picked the accounts, marketing built the plays. First meetings already booked with four of them.'],
  ['New pricing page shipped', 'Rewritten around the pains sales hears most; demo requests from the page up 18% in its first two weeks.'],
  ['Partner co-marketing launch with the Salesforce ISV team', 'Joint landing page and email to 12,000 admins; 60 hand-raisers routed to the AEs the same day.'],
  ['Customer advisory board newsletter relaunched', 'Written with quotes the AEs collected on calls; 54% open rate.'],
  ['Nurture track for stalled opportunities is live', 'Built from the lost-deal reasons sales pulled together; the first 30 stalled deals are enrolled.'],
];

export const CONTENT: Array<[title: string, story: string]> = [
  ['The ROI case study closed {account}', 'The champion forwarded the case study to their CFO, who signed off the next morning. Written with the AE from three call recordings.'],
  ['Security one-pager cut two weeks out of the {account} review', 'Procurement had every answer up front. Product marketing and the SE wrote it after the last check-in.'],
  ['Competitive battlecard won {account} back from the incumbent', 'The rep used the objection section word for word on the final call.'],
  ['Onboarding video answered {account}\'s rollout worry', 'Sales asked for it in the check-in; marketing shipped it in four days, and it was the deciding asset.'],
  ['Pain-based email sequence booked 14 meetings', 'Every email leads with a pain sales logged this quarter; reply rate doubled against the old sequence.'],
];

export const MILESTONES: Array<[title: string, story: string]> = [
  ['100th customer live on the platform', 'A hundred teams on the product, and the last ten came in through marketing-sourced pipeline.'],
  ['First quarter with both top threes published on time', 'Sales and marketing each published their top three in the first week, and every KPI has an owner.'],
  ['Lead response time under 10 minutes for a whole month', 'Round-robin routing plus the SDR rota: median response 7 minutes.'],
  ['Every AE shadowed a marketing campaign review', 'And every marketer sat in on discovery calls this quarter.'],
  ['Pipeline coverage at 3.5× for next quarter', 'Best coverage in two years, half of it marketing-sourced.'],
];

export const OTHER: Array<[title: string, story: string]> = [
  ['SDR team hit a record week of meetings booked', '42 qualified meetings in one week, with the new event follow-up play.'],
  ['Closed the loop on every inbound lead from the trade show', 'All 310 leads called, qualified or recycled within five days.'],
  ['Lost-deal review turned into three new messaging fixes', 'Sales and marketing went through 20 losses together and agreed on what to change.'],
];

export const DEAL_STORIES = [
  'Came in through {source}, worked by {owner}. {reason}.',
  '{source} lead that marketing nurtured for two months; {owner} closed it. {reason}.',
  '{owner} ran a tight process from first call to signature. {reason}.',
  'Champion found us through {source}. {reason}.',
];

export const KUDOS = [
  'Huge — congrats to everyone on this one! 🎉',
  'This is what working together looks like.',
  'Brilliant work, thank you for sharing the story.',
  'Love that the case study made the difference.',
  'Well deserved. Let’s talk about it at the check-in.',
  'Great follow-up on the inbound side.',
  'Can we turn this into a reference story?',
  'Nice one! Next one is already in the pipeline.',
  'The persistence on this deal paid off.',
  'Thanks for pulling marketing in early on this.',
];
