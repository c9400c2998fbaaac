import React from 'react';
import ForgeReconciler, { Heading, Stack, Text } from '@forge/react';

// The page's content arrives with the backend (issue 5); the module, resource and resolver are wired now.
function App() {
  return (
    <Stack space="space.100">
      <Heading size="medium">Live chat</Heading>
      <Text>Turn live chat on, set it up and choose its settings for this space.</Text>
    </Stack>
  );
}

ForgeReconciler.render(
  <React.StrictMode>
    <App />
  </React.StrictMode>
);
