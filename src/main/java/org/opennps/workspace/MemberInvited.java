package org.opennps.workspace;

/**
 * The result of inviting someone: the member, and the single-use link token to set a password
 * when the person has none yet (null when they can already sign in).
 */
public record MemberInvited(Member member, String token) {}
