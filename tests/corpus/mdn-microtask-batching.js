// Source: https://github.com/mdn/content/blob/main/files/en-us/web/api/html_dom_api/microtask_guide/index.md (Batching operations)
// Adapted: fetch("url-of-receiver", json) replaced by console.log of the batch; three sendMessage calls added.
const messageQueue = [];

let sendMessage = (message) => {
  messageQueue.push(message);

  if (messageQueue.length === 1) {
    queueMicrotask(() => {
      const json = JSON.stringify(messageQueue);
      messageQueue.length = 0;
      console.log("url-of-receiver", json);
    });
  }
};

sendMessage("a");
sendMessage("b");
sendMessage("c");
console.log("queued", messageQueue.length);
