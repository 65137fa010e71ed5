// Source: https://leyaa.ai/codefly/learn/nodejs/part-1/nodejs-event-loop-mental-model/challenge (option C of the SyntaxError problem)
async function test() { await; }
