// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 121)
const config = {
  languages: [],
  set language(lang) {
    return this.languages.push(lang);
  },
};

console.log(config.language);
