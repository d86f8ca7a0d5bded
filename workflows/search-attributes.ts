/** Search attributes the app sets so staff can find workflows in the Temporal UI. Registered by the worker at start. */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const COMPANY_ID = defineSearchAttributeKey('CompanyId', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [COMPANY_ID] as const;
