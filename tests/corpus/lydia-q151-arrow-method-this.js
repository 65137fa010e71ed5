// Source: https://github.com/lydiahallie/javascript-questions/blob/master/README.md (question 151)
const user = {
	email: "my@email.com",
	updateEmail: email => {
		this.email = email
	}
}

user.updateEmail("new@email.com")
console.log(user.email)
