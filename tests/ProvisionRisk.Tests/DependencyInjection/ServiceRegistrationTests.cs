using Microsoft.Extensions.DependencyInjection;
using ProvisionRisk.Scoring;

namespace ProvisionRisk.Tests.DependencyInjection;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void Registers_the_default_model_as_one_shared_instance()
    {
        using var provider = new ServiceCollection().AddProvisionRisk().BuildServiceProvider(validateScopes: true);
        var models = new RiskModel[8];
        Parallel.For(0, models.Length, i =>
        {
            using var scope = provider.CreateScope();
            models[i] = scope.ServiceProvider.GetRequiredService<RiskModel>();
        });

        Assert.All(models, m => Assert.Same(RiskModel.Default, m));
    }

    [Fact]
    public void Loads_the_model_at_the_configured_path_once()
    {
        var services = new ServiceCollection()
            .AddProvisionRisk(o => o.ModelPath = TinyModel.File)
            .AddProvisionRisk();
        Assert.Single(services, d => d.ServiceType == typeof(RiskModel));
        using var provider = services.BuildServiceProvider();
        var model = provider.GetRequiredService<RiskModel>();
        Assert.NotSame(RiskModel.Default, model);
        Assert.Equal(TinyModel.Model.Manifest.TrainingDataHash, model.Manifest.TrainingDataHash);
        Assert.Same(model, provider.GetRequiredService<RiskModel>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("model\0.bin")]
    public void Validates_the_options_when_the_model_is_resolved(string path)
    {
        using var provider = new ServiceCollection().AddProvisionRisk(o => o.ModelPath = path).BuildServiceProvider();
        var e = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<RiskModel>());
        Assert.Equal("ModelPath", e.ParamName);
    }

    [Fact]
    public void Reports_a_missing_model_file_as_an_invalid_model()
    {
        using var dir = new TempDirectory();
        using var provider = new ServiceCollection().AddProvisionRisk(o => o.ModelPath = dir.File("none.model")).BuildServiceProvider();
        Assert.Contains("none.model", Assert.Throws<InvalidModelException>(() => provider.GetRequiredService<RiskModel>()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_null_service_collection() =>
        Assert.Throws<ArgumentNullException>(() => ProvisionRiskServiceCollectionExtensions.AddProvisionRisk(null!));
}
