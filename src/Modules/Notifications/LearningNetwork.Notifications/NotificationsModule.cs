using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.BuildingBlocks.Telemetry;
using LearningNetwork.Notifications.Features.AnnounceSession;
using LearningNetwork.Notifications.Features.ListNotifications;
using LearningNetwork.Notifications.Features.MessageParticipants;
using LearningNetwork.Notifications.Features.ResendNotification;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Notifications.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Notifications;

/// <summary>Emails: the send log, templates in nl/en/fr, and sending through MailKit.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<NotificationsDbContext>(configuration, NotificationsDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(NotificationsModule).Assembly);
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp")
            .Validate(o => SmtpOptions.IsKnownSecurity(o.Security), "Smtp:Security must be None, StartTls or SslOnConnect.")
            .ValidateOnStart();
        services.AddOptions<EmailSendingOptions>().BindConfiguration("Email")
            .Validate(o => o.RetainDays == 0 || o.RetainDays >= EmailSendingOptions.MinimumRetainDays,
                $"Email:RetainDays must be 0 (keep the send log) or at least {EmailSendingOptions.MinimumRetainDays}.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<LocalFormats>();
        services.AddSingleton<NewEmails>();
        services.AddScoped<EmailComposer>();
        services.AddScoped<EmailClaims>();
        services.AddScoped<SessionMail>();
        services.AddScoped<EnrollmentMail>();
        services.AddScoped<SessionChangeMail>();
        services.AddScoped<ReminderScheduler>();
        services.AddScoped<Features.Reminders.ReminderJobs>();
        services.AddScoped<Features.EmailSessionUpdated.SessionUpdateNotices>();
        services.AddScoped<DeadlineReminderScheduler>();
        services.AddScoped<DeadlineReminderJobs>();
        services.AddSingleton<EmailMetrics>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<EmailMetrics>());
        services.AddHostedService<EmailDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Notifications");
        ListNotificationsEndpoint.Map(api);
        ResendNotificationEndpoint.Map(api);
        MessageParticipantsEndpoint.Map(api);
        AnnounceSessionEndpoint.Map(api);
        return app;
    }
}
