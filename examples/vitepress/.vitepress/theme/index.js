// The default theme, with <FeatureMatrix> available on every page.
import DefaultTheme from 'vitepress/theme';
import FeatureMatrix from './FeatureMatrix.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('FeatureMatrix', FeatureMatrix);
  },
};
