/**
 * The pane's tab bar on one line, whatever the pane's width (320 px and
 * up): the tabs that do not fit go to a « … » menu at its end (Fluent's
 * Overflow), the selected tab always stays visible, and the menu gives the
 * focus back to its button when it closes.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";

export interface PaneTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface PaneTabsProps<Id extends string> {
  readonly tabs: ReadonlyArray<PaneTab<Id>>;
  readonly selected: Id;
  readonly moreLabel: (count: number) => string;
  onSelect(id: Id): void;
}

function MenuEntry<Id extends string>({ tab, onSelect }: { tab: PaneTab<Id>; onSelect(id: Id): void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}

function OverflowMenu<Id extends string>({ tabs, onSelect, moreLabel }: Omit<PaneTabsProps<Id>, "selected">) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small" ref={ref} aria-label={moreLabel(overflowCount)} title={moreLabel(overflowCount)} style={{ minWidth: "auto" }}>
          …
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <MenuEntry key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function PaneTabs<Id extends string>({ tabs, selected, moreLabel, onSelect }: PaneTabsProps<Id>) {
  return (
    <Overflow minimumVisible={2}>
      <TabList selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as Id)} size="small" style={{ flexWrap: "nowrap", overflow: "hidden", minWidth: 0 }}>
        {tabs.map((tab) => (
          // The selected tab is kept in view before any other.
          <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
            <Tab value={tab.id} style={{ whiteSpace: "nowrap" }}>
              {tab.label}
            </Tab>
          </OverflowItem>
        ))}
        <OverflowMenu tabs={tabs} onSelect={onSelect} moreLabel={moreLabel} />
      </TabList>
    </Overflow>
  );
}
