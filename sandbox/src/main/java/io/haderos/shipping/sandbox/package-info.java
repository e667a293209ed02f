/**
 * Stand-in Aramex and SMSA servers with fault injection: {@link io.haderos.shipping.sandbox.Sandbox}
 * starts them (its Javadoc lists the endpoints and the fault modes), {@link
 * io.haderos.shipping.sandbox.SandboxSettings} says where they listen and which credentials they
 * accept, and {@link io.haderos.shipping.sandbox.SandboxMain} runs them on their own. Everything else
 * in the package is internal.
 */
package io.haderos.shipping.sandbox;
