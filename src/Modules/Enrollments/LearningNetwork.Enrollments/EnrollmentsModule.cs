using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Features.CalendarFeed;
using LearningNetwork.Enrollments.Features.Cancel;
using LearningNetwork.Enrollments.Features.Enroll;
using LearningNetwork.Enrollments.Features.MyEnrollments;
using LearningNetwork.Enrollments.Features.Participants;
using LearningNetwork.Enrollments.Features.Seats;
using LearningNetwork.Enrollments.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Enrollments;

/// <summary>Enrollments: seats and waitlists that never over-book, attendance, participant lists, calendar feeds.</summary>
public static class EnrollmentsModule
{
    public static IServiceCollection AddEnrollmentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<EnrollmentsDbContext>(configuration, EnrollmentsDbContext.SchemaName);
        services.AddMediatorHandlersFrom(typeof(EnrollmentsModule).Assembly);
        services.AddScoped<SeatLedger>();
        services.AddSingleton(new SeatTurnstile(configuration.GetValue("Enrollments:SeatTurnsPerSession", 2)));
        services.AddScoped<WaitlistPromotion>();
        services.AddScoped<EnrollmentEnding>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnrollmentsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Enrollments");
        EnrollEndpoints.Map(api);
        CancelEnrollmentEndpoint.Map(api);
        ParticipantEndpoints.Map(api);
        MyEnrollmentsEndpoint.Map(api);
        CalendarFeedEndpoints.Map(app, api);
        Features.Feedback.FeedbackEndpoints.Map(api);
        return app;
    }
}
