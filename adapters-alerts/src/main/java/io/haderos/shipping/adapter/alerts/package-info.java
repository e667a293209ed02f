/** Outage alerts for people: a Slack incoming webhook and SMTP e-mail, delivered off the call path. */
package io.haderos.shipping.adapter.alerts;
