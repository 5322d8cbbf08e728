// What the demo's buyers say and what its marketers wrote (SPEC S8, issue 12): Northwind Analytics sells revenue
// analytics to B2B companies — RevOps, finance and sales leaders who live in Salesforce exports and spreadsheets.
// Each pain is in the buyer's words, with the ways reps hear it said; each piece is real copy, some of it written
// from those pains and some of it feature-led, so the analyzer scores it honestly.

export interface DemoPain {
  key: string;
  statement: string;
  persona: string;
  segment: string;
  severity: number;
  emotion: string;
  synonyms: string[];
  /** How often reps hear it, relative; and whether it is heard more (>1) or less (<1) as the year goes on. */
  heard: number;
  trend: number;
  /** Days ago it entered the library (evidence only after). */
  addedDaysAgo: number;
  retired?: boolean;
  quotes: string[];
}

export const DEMO_PAINS: DemoPain[] = [
  {
    key: 'board_deck',
    statement: 'Our board deck takes a week of spreadsheet work every quarter',
    persona: 'CFO',
    segment: 'Mid-market',
    severity: 4,
    emotion: 'dread',
    synonyms: ['board pack', 'quarterly board reporting', 'investor update'],
    heard: 1.4,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'Every quarter my team loses a full week stitching the board pack together from exports.',
      'The board deck is three analysts, forty tabs and a lot of copy-paste.',
      'By the time the investor update is done the numbers are already a month old.',
      'I spend the weekend before every board meeting checking formulas.',
      'We rebuild the same quarterly slides from scratch every single time.',
    ],
  },
  {
    key: 'forecast_trust',
    statement: 'Nobody trusts the pipeline numbers in the forecast call',
    persona: 'VP Sales',
    segment: 'Mid-market',
    severity: 5,
    emotion: 'frustration',
    synonyms: ['forecast accuracy', 'pipeline credibility', 'sandbagging'],
    heard: 2.2,
    trend: 1.3,
    addedDaysAgo: 380,
    quotes: [
      'The forecast call is an argument about whose spreadsheet is right.',
      'My CEO discounts whatever number I give him by twenty percent.',
      'Reps commit deals that have not had a meeting in six weeks.',
      'We find out the pipeline was padded when the quarter closes.',
      'I cannot tell which deals in commit are real.',
      'Half the forecast meeting is spent reconciling the CRM with what reps say.',
    ],
  },
  {
    key: 'leads_cold',
    statement: 'Inbound leads go cold before anyone calls them',
    persona: 'Head of Sales Development',
    segment: 'SMB',
    severity: 4,
    emotion: 'anxiety',
    synonyms: ['slow lead response', 'speed to lead', 'lead follow-up'],
    heard: 1.6,
    trend: 1.5,
    addedDaysAgo: 380,
    quotes: [
      'Our reps call back two days later and the prospect has already booked a demo with someone else.',
      'Demo requests sit in a queue over the weekend.',
      'By the time an SDR picks up the lead, they do not remember filling in the form.',
      'We pay for the click and then nobody follows up for a day.',
      'Marketing hands over leads and we have no idea which ones are hot.',
    ],
  },
  {
    key: 'versions_of_revenue',
    statement: 'Every team has its own version of revenue',
    persona: 'RevOps lead',
    segment: 'Enterprise',
    severity: 4,
    emotion: 'frustration',
    synonyms: ['single source of truth', 'conflicting numbers', 'metric definitions'],
    heard: 1.5,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'Finance says ARR is one number, sales says another, and marketing has a third.',
      'We spend the first twenty minutes of every QBR agreeing on what the numbers mean.',
      'Bookings in Salesforce never match what finance reports.',
      'Every department defines pipeline differently.',
    ],
  },
  {
    key: 'missed_quarter_late',
    statement: 'We find out a quarter is missed when it is too late to fix',
    persona: 'CRO',
    segment: 'Mid-market',
    severity: 5,
    emotion: 'fear',
    synonyms: ['late warning', 'quarter surprise', 'early risk signals'],
    heard: 1.1,
    trend: 1.2,
    addedDaysAgo: 380,
    quotes: [
      'We knew we would miss in week eleven, when nothing could be done.',
      'There is no early warning, just a bad surprise at the end of the quarter.',
      'I want to see the gap to plan in week three, not week twelve.',
    ],
  },
  {
    key: 'adhoc_requests',
    statement: 'Our analysts spend their week answering ad-hoc report requests',
    persona: 'Head of Data',
    segment: 'Enterprise',
    severity: 3,
    emotion: 'exhaustion',
    synonyms: ['report backlog', 'data request queue', 'one-off reports'],
    heard: 1.0,
    trend: 0.9,
    addedDaysAgo: 380,
    quotes: [
      'My analysts are a report factory; nobody has time for real analysis.',
      'There is a Slack channel just for "can you pull me a number" requests.',
      'The request queue is three weeks deep and growing.',
      'Sales leaders ask for the same cut of the data every Monday.',
    ],
  },
  {
    key: 'campaign_revenue',
    statement: 'We cannot tell which campaigns actually produce revenue',
    persona: 'VP Marketing',
    segment: 'Mid-market',
    severity: 4,
    emotion: 'doubt',
    synonyms: ['marketing attribution', 'campaign ROI', 'pipeline sourced by marketing'],
    heard: 1.3,
    trend: 1.1,
    addedDaysAgo: 380,
    quotes: [
      'I can tell you clicks and MQLs, but not which campaign closed a deal.',
      'Attribution is a spreadsheet my ops person updates by hand once a month.',
      'Every channel claims the same closed-won deal.',
      'We cut the webinar budget without knowing it sourced our biggest customer.',
    ],
  },
  {
    key: 'dashboards_break',
    statement: 'Dashboards break every time someone renames a field in Salesforce',
    persona: 'Salesforce admin',
    segment: 'Mid-market',
    severity: 3,
    emotion: 'irritation',
    synonyms: ['broken reports', 'schema changes', 'fragile dashboards'],
    heard: 0.9,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'One picklist change and half the dashboards show zeros on Monday morning.',
      'I am scared to touch a field because I do not know what report depends on it.',
      'Our reports broke after the CPQ rollout and nobody noticed for two weeks.',
    ],
  },
  {
    key: 'finance_sales_argue',
    statement: 'Finance and sales argue about the numbers before every QBR',
    persona: 'CFO',
    segment: 'Enterprise',
    severity: 3,
    emotion: 'tension',
    synonyms: ['bookings reconciliation', 'revenue recognition disputes'],
    heard: 0.8,
    trend: 0.9,
    addedDaysAgo: 380,
    quotes: [
      'The week before the QBR is finance and sales trading spreadsheets.',
      'My controller and the VP Sales have different closed-won totals every month.',
      'We reconcile commissions by hand because nobody agrees on the bookings.',
    ],
  },
  {
    key: 'tool_adoption',
    statement: 'We bought a BI tool and nobody uses it',
    persona: 'RevOps lead',
    segment: 'Mid-market',
    severity: 3,
    emotion: 'regret',
    synonyms: ['shelfware', 'low adoption', 'unused licenses'],
    heard: 1.2,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'We paid for two hundred seats and twelve people log in.',
      'The last tool took six months to roll out and the reps went back to spreadsheets.',
      'Managers still export to Excel because the dashboards are too hard to change.',
      'Nobody opens the dashboards unless I send a screenshot.',
    ],
  },
  {
    key: 'security_review',
    statement: 'Security review stalls the deal at the last step',
    persona: 'IT security lead',
    segment: 'Enterprise',
    severity: 4,
    emotion: 'worry',
    synonyms: ['security questionnaire', 'SOC 2', 'SSO requirement', 'vendor risk'],
    heard: 1.0,
    trend: 1.4,
    addedDaysAgo: 380,
    quotes: [
      'Our security team needs SSO and an audit log before anyone can sign.',
      'The vendor questionnaire alone takes procurement a month.',
      'IT will not approve anything that copies our CRM data to a new place without a review.',
      'We lost two months because the last vendor could not answer the questionnaire.',
    ],
  },
  {
    key: 'crm_hygiene',
    statement: 'Reps spend Friday afternoons updating the CRM instead of selling',
    persona: 'Sales manager',
    segment: 'SMB',
    severity: 3,
    emotion: 'resentment',
    synonyms: ['CRM data entry', 'pipeline hygiene', 'admin work'],
    heard: 1.1,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'My best rep spends three hours a week cleaning up opportunities for the forecast.',
      'Close dates get updated on Friday so the dashboard looks right on Monday.',
      'The reps hate the CRM because it only ever asks them for more fields.',
    ],
  },
  {
    key: 'churn_surprise',
    statement: 'Churn surprises us because nobody watches usage',
    persona: 'VP Customer Success',
    segment: 'Mid-market',
    severity: 4,
    emotion: 'shock',
    synonyms: ['renewal risk', 'customer health', 'usage drop'],
    heard: 1.0,
    trend: 1.2,
    addedDaysAgo: 380,
    quotes: [
      'We found out they were leaving when the cancellation notice arrived.',
      'Usage dropped for three months and nobody saw it until the renewal call.',
      'Customer health is a gut feeling from the account manager.',
    ],
  },
  {
    key: 'data_silos',
    statement: 'Our data is stuck in five tools that do not talk to each other',
    persona: 'Head of Data',
    segment: 'Enterprise',
    severity: 3,
    emotion: 'frustration',
    synonyms: ['disconnected systems', 'data integration', 'siloed data'],
    heard: 1.1,
    trend: 0.8,
    addedDaysAgo: 380,
    quotes: [
      'Salesforce, HubSpot, Stripe, Zendesk and a warehouse, and none of them agree.',
      'Joining billing to the CRM is a monthly project for one engineer.',
      'Every question needs data from three systems and a week of wrangling.',
    ],
  },
  {
    key: 'prove_marketing',
    statement: 'We cannot prove marketing’s impact to the CFO',
    persona: 'VP Marketing',
    segment: 'Mid-market',
    severity: 4,
    emotion: 'insecurity',
    synonyms: ['marketing budget justification', 'marketing ROI'],
    heard: 0.9,
    trend: 1.1,
    addedDaysAgo: 380,
    quotes: [
      'Every budget meeting the CFO asks what marketing actually brought in.',
      'I show MQL charts and finance shows me the cost line.',
      'Budget cuts always start with marketing because we cannot show the revenue.',
    ],
  },
  {
    key: 'forecast_swings',
    statement: 'The forecast swings wildly from week to week',
    persona: 'CRO',
    segment: 'Enterprise',
    severity: 4,
    emotion: 'anxiety',
    synonyms: ['forecast volatility', 'unstable forecast'],
    heard: 0.8,
    trend: 1.1,
    addedDaysAgo: 380,
    quotes: [
      'Last week we were at ninety percent of plan, this week we are at seventy.',
      'The number moves every time a big deal slips a week.',
      'I cannot give the board a forecast that holds for more than a few days.',
    ],
  },
  {
    key: 'quota_guess',
    statement: 'Quota and territory planning is a guess',
    persona: 'RevOps lead',
    segment: 'Mid-market',
    severity: 3,
    emotion: 'uncertainty',
    synonyms: ['capacity planning', 'territory design', 'quota setting'],
    heard: 0.6,
    trend: 0.9,
    addedDaysAgo: 380,
    quotes: [
      'We set quotas by taking last year and adding twenty percent.',
      'Half the team is under quota because the territories were drawn on a whiteboard.',
      'I have no model for how many reps we need to hit next year.',
    ],
  },
  {
    key: 'excel_real_analysis',
    statement: 'The real analysis still happens in Excel exports',
    persona: 'Sales operations analyst',
    segment: 'SMB',
    severity: 2,
    emotion: 'resignation',
    synonyms: ['spreadsheet reporting', 'manual exports'],
    heard: 1.0,
    trend: 0.9,
    addedDaysAgo: 380,
    quotes: [
      'Everything ends up in a spreadsheet on somebody’s laptop.',
      'I export the report, fix it in Excel and email it around.',
      'We have a dashboard tool, but the numbers people use come from my exports.',
    ],
  },
  {
    key: 'renewal_late',
    statement: 'Renewal risk shows up in the last 30 days',
    persona: 'VP Customer Success',
    segment: 'Enterprise',
    severity: 4,
    emotion: 'panic',
    synonyms: ['late renewals', 'renewal forecasting'],
    heard: 0.7,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'The renewal forecast is a list of accounts someone feels nervous about.',
      'We scramble in the last month of every big renewal.',
      'Our renewals team only looks at an account ninety days out.',
    ],
  },
  {
    key: 'engineer_for_change',
    statement: 'Every change to a report needs an engineer',
    persona: 'Sales manager',
    segment: 'Mid-market',
    severity: 3,
    emotion: 'helplessness',
    synonyms: ['self-serve analytics', 'report change requests', 'SQL needed'],
    heard: 0.9,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'To add one column to my pipeline report I file a ticket and wait three weeks.',
      'Only one person in the company knows how the dashboards are built.',
      'I cannot even change a date filter without asking the data team.',
    ],
  },
  {
    key: 'reports_out_of_date',
    statement: 'Reports are out of date by the time they arrive',
    persona: 'Regional sales director',
    segment: 'Enterprise',
    severity: 3,
    emotion: 'impatience',
    synonyms: ['stale data', 'weekly refresh', 'real-time reporting'],
    heard: 0.8,
    trend: 0.9,
    addedDaysAgo: 380,
    quotes: [
      'The Monday report is built from Thursday’s export.',
      'By the time the regional numbers reach me, the week is over.',
      'I make decisions on data that is a week old.',
    ],
  },
  {
    key: 'rep_ramp',
    statement: 'New reps take two quarters to ramp',
    persona: 'Sales manager',
    segment: 'SMB',
    severity: 3,
    emotion: 'impatience',
    synonyms: ['sales onboarding', 'ramp time', 'rep productivity'],
    heard: 0.7,
    trend: 1,
    addedDaysAgo: 380,
    quotes: [
      'A new rep does not close anything until month five.',
      'We cannot tell which new hires are on track until it is too late.',
      'Onboarding is shadowing whoever has time that week.',
    ],
  },
  {
    key: 'pricing_discounts',
    statement: 'Discounting is out of control and nobody sees it until the quarter closes',
    persona: 'CFO',
    segment: 'Mid-market',
    severity: 4,
    emotion: 'alarm',
    synonyms: ['discount leakage', 'deal desk', 'margin erosion'],
    heard: 0.6,
    trend: 1.3,
    addedDaysAgo: 200,
    quotes: [
      'Reps give thirty percent off in the last week and we only see it in the bookings report.',
      'Every deal over fifty thousand has a custom discount nobody tracks.',
      'Our average discount crept up five points and nobody noticed.',
    ],
  },
  {
    key: 'ai_hype_fatigue',
    statement: 'We are tired of vendors promising AI that our data cannot support',
    persona: 'Head of Data',
    segment: 'Enterprise',
    severity: 2,
    emotion: 'skepticism',
    synonyms: ['AI skepticism', 'data readiness'],
    heard: 0.8,
    trend: 1.6,
    addedDaysAgo: 5,
    quotes: [
      'Every vendor demo has an AI assistant, and none of them work on our messy CRM.',
      'Show me clean numbers first, then talk to me about predictions.',
      'We tried an AI forecasting tool and it just learned our bad data.',
    ],
  },
  {
    key: 'multi_currency',
    statement: 'Consolidating revenue across currencies is a monthly fire drill',
    persona: 'Finance controller',
    segment: 'Enterprise',
    severity: 3,
    emotion: 'stress',
    synonyms: ['FX conversion', 'multi-currency reporting', 'international revenue'],
    heard: 0.5,
    trend: 1.2,
    addedDaysAgo: 3,
    quotes: [
      'Our EMEA numbers are converted by hand with last month’s rates.',
      'Every month-end somebody rebuilds the currency tab.',
    ],
  },
  {
    key: 'spreadsheets_crash',
    statement: 'Our forecast spreadsheet crashes every time we open it',
    persona: 'Sales operations analyst',
    segment: 'SMB',
    severity: 2,
    emotion: 'annoyance',
    synonyms: ['slow spreadsheets', 'file size'],
    heard: 0.5,
    trend: 0.4,
    addedDaysAgo: 380,
    retired: true,
    quotes: ['The forecast file is eighty megabytes and takes five minutes to open.', 'We split the spreadsheet in three because it kept crashing.'],
  },
];

export type DemoPieceStatus = 'draft' | 'in_review' | 'approved' | 'changes_requested' | 'published' | 'archived';

export interface DemoPiece {
  title: string;
  channel: 'blog' | 'email' | 'landing_page' | 'ad' | 'one_pager' | 'case_study' | 'webinar' | 'social' | 'deck';
  author: string;
  status: DemoPieceStatus;
  /** Days ago it was written; published (or sent for review) some days after. */
  daysAgo: number;
  /** How many times its body was edited (its version). */
  version?: number;
  /** Who was asked to review it (sales keys) and, once decided, what they said. */
  reviewers?: string[];
  review?: string;
  /** Sentence comments: [sentence index, comment]. */
  comments?: Array<[number, string]>;
  override?: { by: string; reason: string };
  body: string;
}

export const DEMO_PIECES: DemoPiece[] = [
  // ── Published, pain-based ────────────────────────────────────────────────────────────────────────
  {
    title: 'Your board deck should not cost you a week',
    channel: 'blog',
    author: 'mei',
    status: 'published',
    daysAgo: 70,
    reviewers: ['marcus'],
    review: 'This is exactly what CFOs tell us on calls.',
    body: `Every quarter your team loses a week to the board deck. Three analysts export from Salesforce, paste into forty tabs and check formulas all weekend. By the time the investor update goes out, the numbers are a month old.

You should not have to rebuild the same quarterly slides from scratch. When your revenue numbers update themselves, the board pack takes an afternoon, and your analysts get their week back.

Ask the CFOs who stopped dreading the board meeting what changed.`,
  },
  {
    title: 'Stop arguing about whose forecast is right',
    channel: 'landing_page',
    author: 'liam',
    status: 'published',
    daysAgo: 40,
    reviewers: ['tom', 'elena'],
    review: 'Yes. Reps will recognise the forecast call in the first line.',
    body: `Your forecast call should not be an argument about whose spreadsheet is right. When nobody trusts the pipeline numbers, your CEO discounts every commit by twenty percent and you find out the pipeline was padded when the quarter closes.

See which deals in commit are real: the ones with a meeting this month, a next step and a buyer who answered. Stop reconciling the CRM with what reps say, and walk into the forecast call with one number everyone believes.`,
  },
  {
    title: 'Five minutes to first call: stop letting inbound leads go cold',
    channel: 'email',
    author: 'aisha',
    status: 'published',
    daysAgo: 35,
    reviewers: ['sofia'],
    review: 'The weekend queue line is real — we lost two demos to it last month.',
    body: `Your buyer filled in the demo form on Friday. Your reps call back on Tuesday, and by then the prospect has booked a demo with someone else.

Inbound leads go cold in hours, not days. You pay for the click, and then the lead sits in a queue over the weekend. Know which leads are hot the minute they arrive, route them to a rep who is free, and call while they still remember filling in the form.`,
  },
  {
    title: 'One number for revenue, finally',
    channel: 'one_pager',
    author: 'liam',
    status: 'published',
    daysAgo: 120,
    reviewers: ['marcus'],
    review: 'Approved. Finance buyers love the QBR line.',
    body: `Finance says ARR is one number, sales says another, and marketing has a third. You spend the first twenty minutes of every QBR arguing about what the numbers mean, and nobody trusts any of them.

Stop losing your QBR to reconciling spreadsheets. Agree the definition of bookings, pipeline and ARR once, and every report your teams open uses it — so your teams argue about what to do, not about whose total is right.`,
  },
  {
    title: 'How Cedar Health stopped missing the quarter in week eleven',
    channel: 'case_study',
    author: 'mei',
    status: 'published',
    daysAgo: 60,
    reviewers: ['jamal'],
    review: 'Great story. Cedar’s CRO said almost exactly this on our renewal call.',
    body: `Cedar Health used to know it would miss the quarter in week eleven, when nothing could be done. There was no early warning, just a bad surprise at the end of every quarter.

Now their CRO sees the gap to plan in week three. When a region falls behind, the team knows while there is still time to pull deals forward or add pipeline. Last year they hit plan in three of four quarters, and the one miss was called in week four.`,
  },
  {
    title: 'Which campaign closed that deal?',
    channel: 'webinar',
    author: 'noah',
    status: 'published',
    daysAgo: 25,
    reviewers: ['tom'],
    review: 'Good. Let us use this in the marketing-leader sequence too.',
    body: `You can tell your CFO clicks and MQLs, but not which campaign closed a deal. Attribution is a spreadsheet your ops person updates by hand once a month, and every channel claims the same closed-won deal.

In this session we show how marketing teams trace revenue back to the campaigns that sourced it, so the next budget meeting is about what to do more of — not whether marketing brought anything in.`,
  },
  {
    title: 'Your analysts are not a report factory',
    channel: 'blog',
    author: 'mei',
    status: 'published',
    daysAgo: 150,
    reviewers: ['grace'],
    review: 'Data leads say this in discovery all the time.',
    body: `Your analysts spend their week answering "can you pull me a number" requests. The queue is three weeks deep, and sales leaders ask for the same cut of the data every Monday.

When managers can answer their own questions, your data team gets back to real analysis. No more one-off reports, no more Slack channel of requests — your analysts work on the questions that change decisions.`,
  },
  {
    title: 'Renewals without the last-month scramble',
    channel: 'email',
    author: 'aisha',
    status: 'published',
    daysAgo: 80,
    reviewers: ['elena'],
    review: 'Approved.',
    body: `If usage dropped three months ago, you should not find out at the renewal call. Too often you learn a customer is leaving when the cancellation notice arrives.

See the accounts whose usage is falling while there is still a quarter to act. Your customer success team stops relying on gut feeling and starts the renewal conversation with the facts.`,
  },
  {
    title: 'Stop editing close dates on Friday afternoons',
    channel: 'social',
    author: 'noah',
    status: 'published',
    daysAgo: 20,
    reviewers: ['tom'],
    review: 'Ha — every manager will share this.',
    body: `Your best rep spends three hours every Friday cleaning up opportunities so the dashboard looks right on Monday. Your reps should be selling, not updating fields. Let the CRM fill in what the calendar and the inbox already know.`,
  },
  // ── Published, feature-led (before the room existed) ─────────────────────────────────────────────
  {
    title: 'Introducing Northwind 4.0: AI-powered analytics',
    channel: 'blog',
    author: 'priya',
    status: 'published',
    daysAgo: 250,
    body: `We are thrilled to announce Northwind 4.0, our most powerful release ever. Our AI-powered analytics engine delivers best-in-class performance with a seamless, next-generation interface.

Northwind integrates with Salesforce, HubSpot and over 200 data sources out of the box. Our cutting-edge machine learning models and robust, enterprise-grade architecture make Northwind the leading revenue analytics platform.`,
  },
  {
    title: 'Northwind named a leader in revenue analytics',
    channel: 'social',
    author: 'omar',
    status: 'published',
    daysAgo: 200,
    body: `We are proud to be recognised as a leader in revenue analytics for the third year running. Our world-class team and innovative platform continue to set the standard for the industry. Thank you to our amazing customers and partners!`,
  },
  {
    title: 'Ten new connectors in the Northwind marketplace',
    channel: 'email',
    author: 'omar',
    status: 'published',
    daysAgo: 170,
    body: `Our marketplace now includes ten new connectors, including Snowflake, BigQuery and Stripe. Our robust connector framework supports real-time sync, custom field mapping and enterprise-grade security. Our platform scales seamlessly to billions of rows.`,
  },
  {
    title: 'The Northwind platform at a glance',
    channel: 'deck',
    author: 'liam',
    status: 'published',
    daysAgo: 300,
    body: `Northwind is an end-to-end, AI-driven revenue intelligence platform. Our features include customisable dashboards, a drag-and-drop report builder, predictive lead scoring, role-based access control and a powerful API.

We offer industry-leading uptime, SOC 2 Type II certification and 24/7 support from our world-class customer success team.`,
  },
  // ── Published past the gate (the one override) ───────────────────────────────────────────────────
  {
    title: 'Northwind + Snowflake: partner launch',
    channel: 'landing_page',
    author: 'priya',
    status: 'published',
    daysAgo: 12,
    reviewers: ['marcus'],
    review: 'Reads like a press release. Buyers never ask for a "partnership" — say what it fixes for them.',
    comments: [[0, 'No buyer has ever said "strategic partnership" to me on a call.']],
    override: { by: 'priya', reason: 'Joint launch with Snowflake on the 14th: the copy was agreed with their marketing team and cannot change before launch day. A pain-based follow-up is in review.' },
    body: `We are excited to announce our strategic partnership with Snowflake. Together, Northwind and Snowflake deliver a seamless, best-in-class data cloud experience for revenue teams.

Our native integration and AI-powered insights unlock the full power of your data, with enterprise-grade security and scale.`,
  },
  // ── Archived ─────────────────────────────────────────────────────────────────────────────────────
  {
    title: 'Spreadsheets that do not crash',
    channel: 'ad',
    author: 'aisha',
    status: 'archived',
    daysAgo: 320,
    body: `Your forecast spreadsheet takes five minutes to open and crashes before the meeting. Stop splitting files in three. Put the forecast somewhere that opens in a second.`,
  },
  {
    title: 'Summer webinar series: dashboards 101',
    channel: 'webinar',
    author: 'noah',
    status: 'archived',
    daysAgo: 280,
    body: `Join our product experts for a three-part webinar series on building dashboards in Northwind. Learn our drag-and-drop builder, advanced filters and scheduled exports.`,
  },
  {
    title: 'Northwind vs. legacy BI',
    channel: 'one_pager',
    author: 'liam',
    status: 'archived',
    daysAgo: 230,
    body: `Legacy BI tools are slow and complex. Northwind is fast, modern and easy to use, with more connectors, better visualisations and AI features legacy vendors cannot match.`,
  },
  {
    title: 'Q2 product update',
    channel: 'email',
    author: 'omar',
    status: 'archived',
    daysAgo: 190,
    body: `This quarter we shipped a new chart library, faster load times, dark mode and an improved admin console. Our team has been working hard to make Northwind even better.`,
  },
  // ── Approved, ready to publish ───────────────────────────────────────────────────────────────────
  {
    title: 'Pass the security review the first time',
    channel: 'one_pager',
    author: 'liam',
    status: 'approved',
    daysAgo: 9,
    reviewers: ['grace'],
    review: 'Approved — security teams ask for exactly these three things. Send it to me before enterprise calls.',
    body: `Your security team needs SSO, an audit log and an answer to the vendor questionnaire before anyone can sign. Too many deals stall at that last step, and procurement loses a month.

Give your IT team what they ask for on day one: single sign-on, a full audit log of who saw what, and a completed questionnaire. Your deal should not wait two months on a review you could have passed in a week.`,
  },
  {
    title: 'Month-end without the currency tab',
    channel: 'blog',
    author: 'mei',
    status: 'approved',
    daysAgo: 2,
    reviewers: ['jamal'],
    review: 'EMEA finance teams will like this.',
    body: `Every month-end, somebody in your finance team rebuilds the currency tab and converts EMEA numbers by hand with last month's rates. Consolidating revenue across currencies should not be a fire drill.

See every region in your reporting currency at the rate finance agreed, the moment the month closes.`,
  },
  {
    title: 'See discounting before the quarter closes',
    channel: 'email',
    author: 'aisha',
    status: 'approved',
    daysAgo: 6,
    reviewers: ['tom'],
    review: 'Approved. CFOs raise this on every enterprise call now.',
    body: `Your reps give thirty percent off in the last week of the quarter, and you only see it in the bookings report. Your average discount creeps up five points and nobody notices.

See discounting as deals move, not after they close: which reps discount most, on which deals, and what it costs your margin this quarter.`,
  },
  // ── In review ────────────────────────────────────────────────────────────────────────────────────
  {
    title: 'Dashboards that survive a Salesforce change',
    channel: 'blog',
    author: 'liam',
    status: 'in_review',
    daysAgo: 4,
    reviewers: ['grace', 'elena'],
    body: `One picklist change in Salesforce, and half your dashboards show zeros on Monday morning. Your admins are scared to touch a field because nobody knows which report depends on it.

Northwind reports follow your CRM as it changes. When a field is renamed, the reports that use it follow, and your admin sees what depends on a field before changing it.`,
  },
  {
    title: 'A forecast that holds for more than a week',
    channel: 'landing_page',
    author: 'liam',
    status: 'in_review',
    daysAgo: 3,
    reviewers: ['marcus'],
    body: `Last week you were at ninety percent of plan. This week you are at seventy, because one big deal slipped a week. You cannot give your board a forecast that holds for more than a few days.

See why the number moved — which deals slipped, which were added, which changed amount — so your forecast steadies and the board hears one story.`,
  },
  {
    title: 'Prove marketing’s revenue to your CFO',
    channel: 'deck',
    author: 'noah',
    status: 'in_review',
    daysAgo: 2,
    reviewers: ['tom', 'jamal'],
    body: `Every budget meeting, your CFO asks what marketing actually brought in. You show MQL charts; finance shows you the cost line. Budget cuts start with marketing because you cannot show the revenue.

Walk into the budget meeting with the pipeline and closed-won revenue your campaigns sourced, in the numbers finance already uses.`,
  },
  {
    title: 'Northwind AI Copilot',
    channel: 'ad',
    author: 'omar',
    status: 'in_review',
    daysAgo: 1,
    reviewers: ['sofia'],
    body: `Meet Northwind AI Copilot: our revolutionary, AI-powered assistant. Ask anything, get instant insights. Best-in-class accuracy, seamless integration, enterprise-ready.`,
  },
  {
    title: 'Your reps ramp in one quarter, not two',
    channel: 'email',
    author: 'aisha',
    status: 'in_review',
    daysAgo: 5,
    reviewers: ['tom'],
    body: `Your new rep does not close anything until month five, and you cannot tell which new hires are on track until it is too late. Onboarding is shadowing whoever has time that week.

See each new rep's first meetings, first pipeline and first deals against the reps who ramped fastest, so you coach in week three instead of month five.`,
  },
  // ── Changes requested ────────────────────────────────────────────────────────────────────────────
  {
    title: 'Real-time dashboards for every team',
    channel: 'landing_page',
    author: 'liam',
    status: 'changes_requested',
    daysAgo: 14,
    reviewers: ['marcus'],
    review: 'Directors do not ask for "real-time dashboards". They say the Monday report is built from Thursday’s export. Start there.',
    comments: [
      [0, 'Feature first. What does the regional director lose today?'],
      [1, '"Industry-leading" — buyers tune this out.'],
    ],
    body: `Northwind delivers real-time dashboards for every team, powered by our streaming data engine. Our industry-leading refresh rates keep everyone up to date.

Connect Salesforce in minutes and start building reports with our drag-and-drop builder.`,
  },
  {
    title: 'Self-serve analytics for sales managers',
    channel: 'blog',
    author: 'mei',
    status: 'changes_requested',
    daysAgo: 10,
    version: 2,
    reviewers: ['elena'],
    review: 'Closer. The second paragraph is still about our builder; managers talk about the three-week ticket.',
    comments: [[2, 'Say what the manager stops doing, not what the builder has.']],
    body: `To add one column to your pipeline report, you file a ticket and wait three weeks. Only one person in the company knows how the dashboards are built.

Our powerful self-serve builder offers drag-and-drop fields, custom filters and advanced formulas. It integrates with every data source.`,
  },
  {
    title: 'Connect your whole revenue stack',
    channel: 'email',
    author: 'omar',
    status: 'changes_requested',
    daysAgo: 8,
    reviewers: ['grace'],
    review: 'Too much "our". The data lead’s pain is the monthly project to join billing to the CRM — use that.',
    body: `Our platform connects Salesforce, HubSpot, Stripe, Zendesk and your warehouse with our robust, enterprise-grade connectors. We support real-time sync and custom objects.`,
  },
  // ── Drafts ───────────────────────────────────────────────────────────────────────────────────────
  {
    title: 'Quotas you can explain to your reps',
    channel: 'blog',
    author: 'mei',
    status: 'draft',
    daysAgo: 3,
    body: `You set quotas by taking last year and adding twenty percent. Half your team ends up under quota because territories were drawn on a whiteboard.

Plan quotas and territories from the pipeline each rep can actually reach.`,
  },
  {
    title: 'Clean numbers before AI',
    channel: 'blog',
    author: 'liam',
    status: 'draft',
    daysAgo: 1,
    body: `Every vendor demo has an AI assistant, and none of them work on your messy CRM. You tried an AI forecasting tool, and it learned your bad data.

Get clean, agreed numbers first. Then predictions mean something.`,
  },
  {
    title: 'The Monday report, on Monday',
    channel: 'email',
    author: 'aisha',
    status: 'draft',
    daysAgo: 2,
    body: `Your Monday report is built from Thursday's export. By the time the regional numbers reach you, the week is over, and you decide on data that is a week old.`,
  },
  {
    title: 'Northwind for enterprise',
    channel: 'deck',
    author: 'priya',
    status: 'draft',
    daysAgo: 6,
    body: `Northwind Enterprise includes advanced security, premium support, unlimited connectors, sandbox environments and a dedicated success manager. Our scalable architecture handles the most demanding workloads.`,
  },
  {
    title: 'Stop exporting to Excel',
    channel: 'social',
    author: 'noah',
    status: 'draft',
    daysAgo: 4,
    body: `Everything ends up in a spreadsheet on somebody's laptop. You export the report, fix it in Excel and email it around. What if the numbers people use came from one place?`,
  },
  {
    title: 'Shelfware no more: a BI tool your managers open',
    channel: 'case_study',
    author: 'mei',
    status: 'draft',
    daysAgo: 7,
    body: `Lumen Retail paid for two hundred seats, and twelve people logged in. Managers kept exporting to Excel because the dashboards were too hard to change.

Six weeks after switching, every sales manager opens their pipeline view each morning, and nobody sends screenshots anymore.`,
  },
  {
    title: 'Northwind summer release notes',
    channel: 'email',
    author: 'omar',
    status: 'draft',
    daysAgo: 1,
    body: `New in this release: a redesigned home page, faster exports, three new chart types and improved API rate limits.`,
  },
  {
    title: 'Data from five tools, one answer',
    channel: 'webinar',
    author: 'noah',
    status: 'draft',
    daysAgo: 9,
    body: `Every question you ask needs data from three systems and a week of wrangling. Joining billing to the CRM is a monthly project for one engineer.

In this session, see how RevOps teams answer cross-system questions in minutes.`,
  },
  {
    title: 'Renewal risk, ninety days out',
    channel: 'ad',
    author: 'aisha',
    status: 'draft',
    daysAgo: 2,
    body: `Your renewal forecast is a list of accounts someone feels nervous about. See renewal risk ninety days out, not in the last thirty.`,
  },
];
