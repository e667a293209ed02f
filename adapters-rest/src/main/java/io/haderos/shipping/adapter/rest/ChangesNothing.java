package io.haderos.shipping.adapter.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that changes nothing stored, although its HTTP method is not GET (a rate quote is a POST):
 * its summary log line is DEBUG, like a read's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ChangesNothing {}
