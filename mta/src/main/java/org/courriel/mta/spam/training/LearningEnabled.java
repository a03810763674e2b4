package org.courriel.mta.spam.training;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** {@code courriel.spam.rspamd.learn.enabled}, unset: whether {@code courriel.spam.rspamd.url} is set (as the store reads it). */
final class LearningEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean rspamd = StringUtils.hasText(context.getEnvironment().getProperty("courriel.spam.rspamd.url"));
        return context.getEnvironment().getProperty("courriel.spam.rspamd.learn.enabled", Boolean.class, rspamd);
    }
}
