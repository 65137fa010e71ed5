// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 94)
function getItems(fruitList, ...args, favoriteFruit) {
  return [...fruitList, ...args, favoriteFruit]
}

getItems(["banana", "apple"], "pear", "orange")
