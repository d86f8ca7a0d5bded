import { Show } from 'solid-js';
import type { SearchableList } from '../searchableList';
import CheckboxField from './CheckboxField';
import SearchBox from './SearchBox';

/** Search box plus, for those who may see them, "Show deleted …"; either change reloads the list. `noun` is plural ("clients"). */
export default function ListToolbar(props: { filter: SearchableList; noun: string; canShowDeleted: boolean }) {
  return (
    <div class="list-toolbar">
      <SearchBox
        id={`${props.noun}-search`}
        label={`Search ${props.noun}`}
        onSearch={(text) => {
          props.filter.setQ(text);
          return props.filter.search();
        }}
      />
      <Show when={props.canShowDeleted}>
        <CheckboxField
          id={`${props.noun}-show-deleted`}
          name="includeDeleted"
          label={`Show deleted ${props.noun}`}
          checked={props.filter.showDeleted()}
          onChange={(checked) => {
            props.filter.setShowDeleted(checked);
            void props.filter.search();
          }}
        />
      </Show>
    </div>
  );
}
