package com.tradeflow.platform.datasource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Binds {@code tradeflow.databases.*} for the services' own data-source configurations. */
@AutoConfiguration
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {
}
