import React from 'react';
import ForgeReconciler, { Heading, Stack, Text } from '@forge/react';

// The page's content arrives with the backend (issue 5); the module, resource and resolver are wired now.
function App() {
  return (
    <Stack space="space.100">
      <Heading size="medium">Live chat</Heading>
      <Text>The chat transcript of this work item.</Text>
    </Stack>
  );
}

ForgeReconciler.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);
