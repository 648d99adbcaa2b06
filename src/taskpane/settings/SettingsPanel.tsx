/** The escalation scenario: steps, delays and channels, stored in the workbook. */
import { Button, Input, MessageBar, MessageBarBody, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { useState } from "react";
import { CHANNELS, DEFAULT_SCENARIO, type Channel, type Scenario } from "../../core/escalation/scenario";
import { toStoredScenario, validateScenario } from "../../core/escalation/scenarioSchema";
import type { WorkbookGateway } from "../../excel/gateway";
import { SCENARIO_SETTING, loadScenario } from "../cases/useWorkbench";
import { useStrings } from "../i18n";

interface StepDraft {
  readonly id: string;
  readonly label: string;
  readonly offset: string;
  readonly channel: Channel;
}

function toDrafts(scenario: Scenario): StepDraft[] {
  return scenario.map((step) => ({ id: step.id, label: step.label, offset: String(step.offsetDays), channel: step.channel }));
}

export function SettingsPanel({ gateway }: { readonly gateway: WorkbookGateway }) {
  const t = useStrings();
  const [loaded] = useState(() => loadScenario(gateway));
  const [steps, setSteps] = useState<StepDraft[]>(() => toDrafts(loaded.scenario));
  const [outcome, setOutcome] = useState<{ ok: boolean; messages: readonly string[] } | undefined>(
    loaded.errors.length ? { ok: false, messages: loaded.errors } : undefined,
  );
  const update = (index: number, patch: Partial<StepDraft>) => setSteps(steps.map((step, i) => (i === index ? { ...step, ...patch } : step)));

  const save = async () => {
    const base = toStoredScenario(loaded.scenario);
    const candidate = {
      ...base,
      etapes: steps.map((step, i) => ({ ...base.etapes[i], id: step.id, label: step.label.trim(), offsetDays: Number(step.offset.trim()), channel: step.channel })),
    };
    const checked = validateScenario(candidate);
    if (!checked.ok) return setOutcome({ ok: false, messages: checked.errors });
    try {
      await gateway.writeSetting(SCENARIO_SETTING, toStoredScenario(checked.scenario));
      setOutcome({ ok: true, messages: [t.scenarioSaved] });
    } catch (error) {
      setOutcome({ ok: false, messages: [(error as Error).message] });
    }
  };

  return (
    <section aria-label={t.scenarioTitle} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text weight="semibold">{t.scenarioTitle}</Text>
      <Text size={200}>{t.scenarioIntro}</Text>
      <Table size="extra-small" aria-label={t.scenarioTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.stepLabel}</TableHeaderCell>
            <TableHeaderCell style={{ width: 70 }}>{t.stepOffset}</TableHeaderCell>
            <TableHeaderCell style={{ width: 110 }}>{t.fieldChannel}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {steps.map((step, i) => (
            <TableRow key={step.id}>
              <TableCell>
                <Input size="small" value={step.label} aria-label={`${t.stepLabel} ${i + 1}`} onChange={(_, data) => update(i, { label: data.value })} />
              </TableCell>
              <TableCell>
                <Input size="small" value={step.offset} aria-label={`${t.stepOffset} ${i + 1}`} onChange={(_, data) => update(i, { offset: data.value })} />
              </TableCell>
              <TableCell>
                <Select size="small" value={step.channel} aria-label={`${t.fieldChannel} ${i + 1}`} onChange={(_, data) => update(i, { channel: data.value as Channel })}>
                  {CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {t.channelLabels[channel]}
                    </option>
                  ))}
                </Select>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {/* Wrapping rather than squeezing: the long reset label would stretch both buttons to two lines. */}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" onClick={() => void save()} style={{ flexShrink: 0 }}>
          {t.save}
        </Button>
        <Button onClick={() => setSteps(toDrafts(DEFAULT_SCENARIO))} style={{ flexShrink: 0 }}>
          {t.scenarioReset}
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.ok ? "success" : "error"}>
          <MessageBarBody>{outcome.messages.join(" ; ")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
