package com.harborcrm.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An address webhooks may be sent to ({@link WebhookTargets}), checked with the request's other fields so that
 * one answer lists every problem.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebhookUrl.Validator.class)
public @interface WebhookUrl {

    String message() default "is not an address webhooks can be sent to";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @ApplicationScoped
    class Validator implements ConstraintValidator<WebhookUrl, String> {

        @Inject
        WebhookTargets targets;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true; // @NotBlank's concern where it is required
            }
            return targets.problemWith(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
