using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningNetwork.BuildingBlocks.Mediation;

/// <summary>
/// MediatR 5.1 has no AddMediatR: this is the one small assembly scan that wires a module's
/// handlers and validators, plus the mediator and the pipeline behaviours (registered once).
/// </summary>
public static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
    ];

    public static IServiceCollection AddMediatorHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        // Outermost first: the request's span covers its logging, access check and validation too;
        // the access check comes before validation, as an endpoint's authorization comes before binding.
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(TracingBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(IsHandlerInterface))
            {
                // TryAddEnumerable: a second scan of the same assembly must not double-deliver notifications.
                services.TryAddEnumerable(ServiceDescriptor.Transient(contract, type));
            }
        }

        // Validators hold no state and building their rules is not cheap (a profile showed it on
        // every request): one instance each for the life of the host.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    private static bool IsHandlerInterface(Type contract) =>
        contract.IsGenericType && HandlerInterfaces.Contains(contract.GetGenericTypeDefinition());
}
