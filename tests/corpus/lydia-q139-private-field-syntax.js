// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 139)
class Counter {
  #number = 10

  increment() {
    this.#number++
  }

  getNum() {
    return this.#number
  }
}

const counter = new Counter()
counter.increment()

console.log(counter.#number)
