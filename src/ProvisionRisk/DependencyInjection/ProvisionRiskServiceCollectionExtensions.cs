using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProvisionRisk;
using ProvisionRisk.Scoring;

// In the container's namespace, as is usual for registration methods, so that AddProvisionRisk is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ProvisionRisk with a dependency-injection container.</summary>
public static class ProvisionRiskServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="RiskModel"/> (a singleton: the model is immutable and safe to use from many threads),
    /// loaded on first use: the default model shipped in the package, or the bundle at <see cref="ProvisionRiskOptions.ModelPath"/>.
    /// Calling it again adds the configuration but not a second model.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null for the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>Resolving the model throws <see cref="ArgumentException"/> when the options are invalid and
    /// <see cref="InvalidModelException"/> when the model file cannot be read.</remarks>
    public static IServiceCollection AddProvisionRisk(this IServiceCollection services, Action<ProvisionRiskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ProvisionRiskOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(provider => Load(provider.GetRequiredService<IOptions<ProvisionRiskOptions>>().Value));
        return services;
    }

    private static RiskModel Load(ProvisionRiskOptions options)
    {
        options.Validate();
        return options.ModelPath is null ? RiskModel.Default : RiskModel.Load(options.ModelPath);
    }
}
