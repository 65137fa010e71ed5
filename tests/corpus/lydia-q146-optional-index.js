// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 146)
function getFruit(fruits) {
	console.log(fruits?.[1]?.[1])
}

getFruit([['🍊', '🍌'], ['🍍']])
getFruit()
getFruit([['🍍'], ['🍊', '🍌']])
