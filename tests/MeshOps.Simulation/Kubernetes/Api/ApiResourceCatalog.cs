namespace MeshOps.Simulation.Kubernetes.Api;

/// <summary>
/// The resources the live snapshot reads, with the names, short names and scopes of Kubernetes 1.32 and of the
/// consul-k8s CRDs (the consul.hashicorp.com list matches ../shared/reference/consul-crds; a test keeps it so).
/// </summary>
public static class ApiResourceCatalog
{
    public static IReadOnlyList<ApiResource> All { get; } =
    [
        Core("Pod", "pods", "pod", true, "po"),
        Core("Service", "services", "service", true, "svc"),
        Core("Endpoints", "endpoints", "endpoints", true, "ep"),
        Core("ServiceAccount", "serviceaccounts", "serviceaccount", true, "sa"),
        Core("ConfigMap", "configmaps", "configmap", true, "cm"),
        Core("Secret", "secrets", "secret", true),
        Core("Namespace", "namespaces", "namespace", false, "ns"),
        Core("Node", "nodes", "node", false, "no"),
        new("apps", "v1", "Deployment", "deployments", "deployment", true, ["deploy"]),
        new("apps", "v1", "StatefulSet", "statefulsets", "statefulset", true, ["sts"]),
        new("apps", "v1", "DaemonSet", "daemonsets", "daemonset", true, ["ds"]),
        new("apps", "v1", "ReplicaSet", "replicasets", "replicaset", true, ["rs"]),
        new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "endpointslice", true, []),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", "networkpolicy", true, ["netpol"]),
        Consul("ControlPlaneRequestLimit", "controlplanerequestlimits", "controlplanerequestlimit", true),
        Consul("ExportedServices", "exportedservices", "exportedservices", true, "exported-services"),
        Consul("GatewayClassConfig", "gatewayclassconfigs", "gatewayclassconfig", false),
        Consul("GatewayPolicy", "gatewaypolicies", "gatewaypolicy", true),
        Consul("IngressGateway", "ingressgateways", "ingressgateway", true, "ingress-gateway"),
        Consul("JWTProvider", "jwtproviders", "jwtprovider", true),
        Consul("Mesh", "meshes", "mesh", true),
        Consul("MeshService", "meshservices", "meshservice", true),
        Consul("PeeringAcceptor", "peeringacceptors", "peeringacceptor", true, "peering-acceptor"),
        Consul("PeeringDialer", "peeringdialers", "peeringdialer", true, "peering-dialer"),
        Consul("ProxyDefaults", "proxydefaults", "proxydefaults", true, "proxy-defaults"),
        Consul("RateLimit", "ratelimits", "ratelimit", false),
        Consul("Registration", "registrations", "registration", false),
        Consul("RouteAuthFilter", "routeauthfilters", "routeauthfilter", true),
        Consul("RouteExtProc", "routeextprocs", "routeextproc", true),
        Consul("RouteRetryFilter", "routeretryfilters", "routeretryfilter", true),
        Consul("RouteTimeoutFilter", "routetimeoutfilters", "routetimeoutfilter", true),
        Consul("RouteTLSSDSFilter", "routetlssdsfilters", "routetlssdsfilter", true),
        Consul("SamenessGroup", "samenessgroups", "samenessgroup", true, "sameness-group"),
        Consul("ServiceDefaults", "servicedefaults", "servicedefaults", true, "service-defaults"),
        Consul("ServiceIntentions", "serviceintentions", "serviceintentions", true, "service-intentions"),
        Consul("ServiceResolver", "serviceresolvers", "serviceresolver", true, "service-resolver"),
        Consul("ServiceRouter", "servicerouters", "servicerouter", true, "service-router"),
        Consul("ServiceSplitter", "servicesplitters", "servicesplitter", true, "service-splitter"),
        Consul("TerminatingGateway", "terminatinggateways", "terminatinggateway", true, "terminating-gateway"),
    ];

    public static ApiResource? FindKind(string group, string kind) =>
        All.FirstOrDefault(r => r.Group == group && r.Kind == kind);

    private static ApiResource Core(string kind, string plural, string singular, bool namespaced, params string[] shortNames) =>
        new(string.Empty, "v1", kind, plural, singular, namespaced, shortNames);

    private static ApiResource Consul(string kind, string plural, string singular, bool namespaced, params string[] shortNames) =>
        new("consul.hashicorp.com", "v1alpha1", kind, plural, singular, namespaced, shortNames);
}
