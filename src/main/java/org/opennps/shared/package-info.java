/**
 * Cross-cutting pieces every module may use: the clock, problem+json errors, strict JSON field
 * reading, request logging and body limits. Holds no business rules and no tables.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.opennps.shared;
