export default {
  docs: ['intro', 'guide', 'features'],
};
