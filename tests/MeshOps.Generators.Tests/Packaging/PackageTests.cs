using System.IO.Compression;
using System.Reflection;

namespace MeshOps.Generators.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> gives one MeshOps package that a fresh project can use with nothing else: the SDK at run time;
/// the generator, its diagnostics and builders for the project's own CRDs at compile time. The fresh project lives
/// outside the repository, restores from the packed folder and the machine's package cache only, and is built by the
/// real CLI.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private const string Version = "0.1.0-packagetest";
    private readonly string work = Path.Combine(Path.GetTempPath(), "meshops-package-" + Guid.NewGuid().ToString("N"));

    public PackageTests() => Directory.CreateDirectory(work);

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public void A_fresh_project_referencing_the_package_gets_typed_meshes_and_compile_time_rules()
    {
        var feed = Path.Combine(work, "feed");
        var package = Pack(feed);

        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("lib/net10.0/MeshOps.dll", entries);
            Assert.Contains("lib/net10.0/MeshOps.Rules.dll", entries);
            Assert.Contains("lib/net10.0/MeshOps.Consul.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/MeshOps.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/MeshOps.Rules.dll", entries);
            Assert.Contains("build/MeshOps.props", entries);
            using var nuspec = new StreamReader(zip.GetEntry("MeshOps.nuspec")!.Open());
            var manifest = nuspec.ReadToEnd();
            Assert.Contains("id=\"KubernetesClient\"", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"MeshOps.Rules\"", manifest, StringComparison.Ordinal);
        }

        var project = Path.Combine(work, "shop");
        WriteConsumer(project, feed);
        File.WriteAllText(Path.Combine(project, "ShopMesh.cs"), HealthyMesh);

        var (runExit, runOutput) = DotnetCli.Run(project, "run", "-c", "Release");
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("kind: ServiceIntentions", runOutput, StringComparison.Ordinal);
        Assert.Contains("name: cart", runOutput, StringComparison.Ordinal);
        Assert.Contains("kind: Basket", runOutput, StringComparison.Ordinal);
        Assert.Contains("capacity: 3", runOutput, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(project, "ShopMesh.cs"), HealthyMesh.Replace("[ServicePort(8080)]", "[ServicePort(8080, TargetPortName = \"cart-http\")]", StringComparison.Ordinal));
        var (buildExit, buildOutput) = DotnetCli.Run(project, "build", "-c", "Release", "--no-restore");
        Assert.NotEqual(0, buildExit);
        Assert.Contains("ShopMesh.cs", buildOutput, StringComparison.Ordinal);
        Assert.Contains("error MESH101", buildOutput, StringComparison.Ordinal);
    }

    private string Pack(string feed)
    {
        var configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        // --no-build packs the assemblies this test run was built from, and implies --no-restore: nothing in the
        // repository is rebuilt while other tests use it.
        var (exit, output) = DotnetCli.Run(RepoPaths.Root, "pack", RepoPaths.Combine("src", "MeshOps", "MeshOps.csproj"),
            "-c", configuration, "--no-build", "-o", feed, $"-p:Version={Version}");
        Assert.True(exit == 0, output);
        return Path.Combine(feed, $"MeshOps.{Version}.nupkg");
    }

    private void WriteConsumer(string project, string feed)
    {
        Directory.CreateDirectory(project);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // Empty files stop MSBuild from picking up any Directory.*.props above the temporary folder.
        File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="meshops" value="{feed}" />
                <add key="machine-cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MeshOps" Version="{Version}" />
                <AdditionalFiles Include="crds/*.yaml" MeshOpsKind="Crd" />
              </ItemGroup>
            </Project>
            """);
        Directory.CreateDirectory(Path.Combine(project, "crds"));
        File.WriteAllText(Path.Combine(project, "crds", "baskets.yaml"), BasketCrd);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            Console.Out.Write(new Shop.ShopMesh().ToYaml());
            var basket = Shop.Crds.Shop.Example.Com.Basket.Create("b1").WithCapacity(3).Build();
            Console.Out.Write(MeshOps.Authoring.ManifestYamlWriter.Write([basket]));
            """);
    }

    /// <summary>A CRD of the project's own, turned into typed builders at build time.</summary>
    private const string BasketCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: baskets.shop.example.com
        spec:
          group: shop.example.com
          names:
            kind: Basket
            listKind: BasketList
            plural: baskets
            singular: basket
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                description: A shopping basket.
                type: object
                properties:
                  apiVersion:
                    type: string
                  kind:
                    type: string
                  metadata:
                    type: object
                  spec:
                    type: object
                    properties:
                      capacity:
                        description: How many items fit.
                        type: integer
                        format: int32
        """;

    private const string HealthyMesh = """
        using MeshOps.Authoring; using MeshOps.Consul;

        namespace Shop;

        public partial class ShopMesh : MeshDefinition<ShopMesh>
        {
            [MeshService("web", Protocol = MeshProtocol.Http, Image = "shop/web:1")]
            [ContainerPort(3000)]
            [ServicePort(3000)]
            [Upstream(typeof(Cart))]
            public partial class Web;

            [MeshService("cart", Protocol = MeshProtocol.Http, Image = "shop/cart:1")]
            [ContainerPort(8080)]
            [ServicePort(8080)]
            public partial class Cart;

            protected override void Configure(IntentionBuilder<ShopMesh> intentions) => intentions
                .DenyAll()
                .Allow<Web, Cart>();
        }
        """;
}
