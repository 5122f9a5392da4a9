namespace MeshOps.Analysis.Rules;

/// <summary>The runtime implementations of the catalogue, one per rule ID.</summary>
public static class RuleSet
{
    public static IReadOnlyList<IMeshRule> All { get; } =
    [
        new TargetPortMismatch(),
        new SelectorMatchesNothing(),
        new LoopbackBind(),
        new UnknownCallTarget(),
        new CallPortNotExposed(),
        new TransparentProxyUpstreamWithoutClusterIp(),
        new MeshPodWithoutPort(),
        new MultipleServicesSelectMeshPod(),
        new MeshPodWithoutService(),
        new CallDeniedByIntentions(),
        new IntentionNamesUnknownService(),
        new DuplicateIntention(),
        new L7PermissionsOnTcp(),
        new UnusedAllowIntention(),
        new NoDefaultDeny(),
        new IntentionDestinationRewritten(),
        new ConsulNamespaceWithoutEnterprise(),
        new HttpProtocolOnTcpService(),
        new L7FeatureWithoutL7Protocol(),
        new ProxyDefaultsProtocolConflict(),
        new MissingServiceAccount(),
        new ServiceAccountTokenNotMounted(),
        new ServiceAccountNameMismatch(),
        new MissingConfigMap(),
        new MeshBoundaryCall(),
        new WorkloadSelectorMismatch(),
        new NetworkPolicyBlocksSidecar(),
        new CredentialInConfigMap(),
        new PodsNotRunning(),
        new SidecarNotReady(),
        new NoReadyEndpoints(),
    ];
}
