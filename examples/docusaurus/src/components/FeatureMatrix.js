import React from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';

// The element with its prerendered markup. React sets the markup when it
// creates the element and never reads or diffs it when hydrating, so the
// widget may take it over before or after React hydrates the page.
// suppressHydrationWarning: the widget marks the element as mounted and
// changes its content, which a development build would report.
export default function FeatureMatrix() {
  const { html } = usePluginData('feature-matrix');
  return <feature-matrix lang="en" url-state="" dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}
