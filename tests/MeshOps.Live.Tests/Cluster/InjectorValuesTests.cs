using MeshOps.Clients.Kubernetes;
using MeshOps.Model;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Cluster;

public sealed class InjectorValuesTests
{
    [Fact]
    public async Task The_connect_injectors_flags_give_the_settings_its_Helm_values_give()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var folder = Directory.CreateTempSubdirectory("meshops-cluster");
        try
        {
            var values = Path.Combine(folder.FullName, "values.yaml");
            await File.WriteAllTextAsync(values, SimulatedCluster.HelmValues);
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);

            var live = MeshModelBuilder.Build(await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None)).Settings;
            var fromValues = MeshModelBuilder.Build(ManifestLoader.LoadPaths([values])).Settings;

            Assert.Equal(Values(fromValues), Values(live));
            Assert.Contains("consul-connect-injector", live.TransparentProxyDefault.Origin, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (bool, bool, bool, bool, DefaultPolicy, string) Values(MeshSettings settings) => (
        settings.ConnectInjectEnabled.Value, settings.ConnectInjectDefault.Value, settings.TransparentProxyDefault.Value,
        settings.AclsEnabled.Value, settings.DefaultPolicy.Value, string.Join(',', settings.InjectionNamespaces.Allow));
}
