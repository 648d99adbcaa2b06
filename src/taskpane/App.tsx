import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

export interface AppProps {
  readonly storedRatesErrors: readonly string[];
}

export function App({ storedRatesErrors }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Text as="h1" size={500} weight="semibold">
          Recouvre
        </Text>
        {storedRatesErrors.map((error) => (
          <Text key={error} as="p">
            {error}
          </Text>
        ))}
      </main>
    </FluentProvider>
  );
}
