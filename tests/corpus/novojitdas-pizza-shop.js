// Source: https://github.com/novojitdas/node-first/blob/main/09_BM_events/index.js (with 09_BM_events/pizza-shop.js)
// Adapted: the PizzaShop class from pizza-shop.js is inlined in place of require('./pizza-shop.js').
const EventEmitter = require('node:events');

class PizzaShop extends EventEmitter {
      constructor(){
            super();
            this.orderNumber = 0;
      }
      order(size,toppings){
            this.orderNumber++;
            this.emit("order",size,toppings);
      }
      displayOrder(){
            console.log(`current order number: ${this.orderNumber}`);
      }
}

const pizzaShop = new PizzaShop();

pizzaShop.on("order",(size,toppings) => {
      console.log(`ordered ${size} pizza with ${toppings}`);
});

pizzaShop.order("order","large","chicken");
pizzaShop.displayOrder();
