using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Sessions.Features.CancelSession;
using LearningNetwork.Sessions.Features.DemoData;
using LearningNetwork.Sessions.Features.EditSession;
using LearningNetwork.Sessions.Features.GetReminderDefaults;
using LearningNetwork.Sessions.Features.GetSession;
using LearningNetwork.Sessions.Features.GetSessionCalendar;
using LearningNetwork.Sessions.Features.ListSessions;
using LearningNetwork.Sessions.Features.PreviewSeries;
using LearningNetwork.Sessions.Features.PublishSeries;
using LearningNetwork.Sessions.Features.PublishSession;
using LearningNetwork.Sessions.Features.RescheduleSession;
using LearningNetwork.Sessions.Features.ScheduleSeries;
using LearningNetwork.Sessions.Features.ScheduleSession;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Features.UpdateReminderDefaults;
using LearningNetwork.Sessions.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Sessions;

/// <summary>Training sessions and learning-network meetings: scheduling, series, publication, calendars.</summary>
public static class SessionsModule
{
    public static IServiceCollection AddSessionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<SessionsDbContext>(configuration, SessionsDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(SessionsModule).Assembly);
        services.AddScoped<IDemoDataSeeder, SessionsDemoData>();
        services.AddScoped<SessionViews>();
        services.AddScoped<SessionCopies>();
        services.AddScoped<IStartupTask, MissingSessionCopies>();
        services.AddHostedService<SeatCopier>();
        services.AddOptions<UpdateNoticeOptions>().BindConfiguration("Sessions");
        return services;
    }

    public static IEndpointRouteBuilder MapSessionsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Sessions");
        ScheduleSessionEndpoint.Map(api);
        ListSessionsEndpoint.Map(api);
        GetSessionEndpoint.Map(api);
        EditSessionEndpoint.Map(api);
        PublishSessionEndpoint.Map(api);
        RescheduleSessionEndpoint.Map(api);
        CancelSessionEndpoint.Map(api);
        GetSessionCalendarEndpoint.Map(api);
        ScheduleSeriesEndpoint.Map(api);
        PreviewSeriesEndpoint.Map(api);
        PublishSeriesEndpoint.Map(api);
        GetReminderDefaultsEndpoint.Map(api);
        UpdateReminderDefaultsEndpoint.Map(api);
        return app;
    }
}
