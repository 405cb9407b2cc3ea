using LearningNetwork.BuildingBlocks.Mediation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Features.CancelEnrollment;
using LearningNetwork.Enrollments.Features.Enroll;
using LearningNetwork.Enrollments.Features.EnrollInSeries;
using LearningNetwork.Enrollments.Features.GetFeedbackSummary;
using LearningNetwork.Enrollments.Features.GetMyCalendarFeed;
using LearningNetwork.Enrollments.Features.ListManagerEnrollments;
using LearningNetwork.Enrollments.Features.ListMyEnrollments;
using LearningNetwork.Enrollments.Features.ListParticipants;
using LearningNetwork.Enrollments.Features.MarkAttendance;
using LearningNetwork.Enrollments.Features.MoveEnrollment;
using LearningNetwork.Enrollments.Features.ParticipantsCsv;
using LearningNetwork.Enrollments.Features.RenderCalendarFeed;
using LearningNetwork.Enrollments.Features.RotateMyCalendarFeed;
using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Features.SubmitFeedback;
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
        services.AddScoped<Enroller>();
        services.AddSingleton<EnrollmentMetrics>();
        services.AddScoped<CalendarFeedAddresses>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnrollmentsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Enrollments");
        EnrollEndpoint.Map(api);
        EnrollInSeriesEndpoint.Map(api);
        CancelEnrollmentEndpoint.Map(api);
        MoveEnrollmentEndpoint.Map(api);
        ListParticipantsEndpoint.Map(api);
        ParticipantsCsvEndpoint.Map(api);
        MarkAttendanceEndpoint.Map(api);
        ListMyEnrollmentsEndpoint.Map(api);
        ListManagerEnrollmentsEndpoint.Map(api);
        GetMyCalendarFeedEndpoint.Map(api);
        RotateMyCalendarFeedEndpoint.Map(api);
        RenderCalendarFeedEndpoint.Map(app);
        SubmitFeedbackEndpoint.Map(api);
        GetFeedbackSummaryEndpoint.Map(api);
        return app;
    }
}
