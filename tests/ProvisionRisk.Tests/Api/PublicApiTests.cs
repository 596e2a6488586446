using PublicApiGenerator;
using ProvisionRisk.Scoring;
using Shouldly;

namespace ProvisionRisk.Tests.Api;

public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_the_package_has_not_changed_unintentionally()
    {
        // On purpose? Review ProvisionRisk.received.txt beside this file and copy it over ProvisionRisk.approved.txt.
        var api = typeof(RiskModel).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        });
        api.ShouldMatchApproved(options => options.WithFilenameGenerator((_, _, fileType, extension) => $"ProvisionRisk.{fileType}.{extension}"));
    }
}
