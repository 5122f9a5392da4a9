using MeshOps.Envoy;
using MeshOps.Envoy.Config;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>The real config dumps in ../shared/reference/envoy-samples, read where they are.</summary>
internal static class ConfigSamples
{
    public const string TrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";

    public static string ConsulK8sPath => ReferenceData.Path("envoy-samples", "consul-k8s", "test_config_dump.json");

    public static string ConsulK8s => File.ReadAllText(ConsulK8sPath);

    public static string Listener => File.ReadAllText(ReferenceData.Path("envoy-samples", "consul", "listeners.json"));

    public static string Upstreams => File.ReadAllText(ReferenceData.Path("envoy-samples", "consul", "upstreams", "config.json"));

    public static EnvoySource File1 { get; } = EnvoySource.ForFile("sample.json");

    public static EnvoyConfigDump Parse(string json, string? resource = null) => EnvoyConfigDumpParser.Parse(File1, json, resource);
}
