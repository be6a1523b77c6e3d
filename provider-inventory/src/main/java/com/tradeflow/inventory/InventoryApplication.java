package com.tradeflow.inventory;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** provider-inventory: products and stock behind {@link com.tradeflow.api.inventory.InventoryService}. */
@SpringBootApplication
@EnableDubbo
public class InventoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(InventoryApplication.class, args);
    }
}
