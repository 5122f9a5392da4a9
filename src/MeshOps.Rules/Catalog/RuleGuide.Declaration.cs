using System.Collections.Generic;

namespace MeshOps.Rules.Catalog
{
    public static partial class RuleGuide
    {
        // The compile-time-only rules judge a typed mesh's C# declarations, which have no YAML form to read.
        private const string CompilerOnly =
            "Reported only by the MeshOps compiler (the generator and analyzer in the MeshOps package) while a typed mesh builds; Test-MeshConfig never reports it, and YAML written by hand is not checked for it. ";

        private static IEnumerable<RuleGuideEntry> Declaration() => new[]
        {
            Entry(
                "MESH701",
                "The name given to [MeshService(\"name\")] on each service class of a typed mesh: a DNS-1035 label of at most 63 characters, lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, since it names the Service (Kubernetes validates Service names as DNS-1035 labels), the ServiceAccount and the Consul service.",
                CompilerOnly + "Names changed after the objects are built (by editing the YAML that ToYaml() writes).",
                "Rename the service to a DNS-1035 label, for example lowercase words joined by '-'.",
                "name", "length", "declaring type"),
            Entry(
                "MESH702",
                "Every port a typed mesh declares in attributes: [ContainerPort], [ServicePort] and its TargetPort, and the Port of [Upstream] (a TargetPort or upstream Port of 0 means not set and is not judged). Each must be between 1 and 65535.",
                CompilerOnly + "Whether the port is the one the app really listens on or is called on (MESH101, MESH105 and MESH103 judge that, at compile time and at run time).",
                "Use the port the app really listens on or is called on, between 1 and 65535.",
                "port", "what the port is", "declaring type"),
            Entry(
                "MESH703",
                "The service names of one typed mesh: two [MeshService] classes in the same MeshDefinition with the same name. In one Kubernetes namespace they would write the same Service, ServiceAccount and ServiceDefaults. In two namespaces on Consul CE ([ConsulMesh] Edition Community, the default) they are one Consul service, since consul-k8s registers every Kubernetes namespace into Consul namespace default, and the webhook refuses the second ServiceDefaults of the name. On Consul Enterprise (namespaces mirrored) Consul keeps them apart, but the typed mesh names services by name alone in upstream addresses and intentions, so it reports them too.",
                CompilerOnly + "Services of the same name declared in another mesh, another assembly or YAML applied beside the typed mesh.",
                "Give each service class its own name, or merge the two classes into one.",
                "service name", "declaring type", "type that declared it first", "what the two make together"),
            Entry(
                "MESH704",
                "Each [Upstream(typeof(T))] of a typed mesh service: T must be a [MeshService] class nested in the same MeshDefinition, so that its Service, port and intention can be derived.",
                CompilerOnly + "Services outside the typed mesh (another mesh, an external service behind a terminating gateway), which cannot be named as typed upstreams.",
                "Name a [MeshService] class of the same mesh in [Upstream(typeof(...))], or declare the upstream as one.",
                "upstream type", "declaring service type", "mesh"),
            Entry(
                "MESH705",
                "Every class carrying [MeshService]: it must be nested in a partial class that derives from MeshDefinition<TMesh>, or no handle is generated for it and no mesh writes its objects.",
                CompilerOnly + "Nothing beyond the declaring class: a class nested in the wrong mesh is that mesh's service, and its mistakes are judged there.",
                "Move the class into the partial class that derives from MeshDefinition<TMesh>.",
                "declaring type", "where it is declared instead"),
            Entry(
                "MESH706",
                "The HTTP request criteria of each L7 intention of a typed mesh (Allow<S, D>(http => ...), Deny<S, D>(http => ...) and each Allow/Deny of Permissions<S, D>(p => ...)), with Consul's validation of sources[].permissions[].http: at most one of PathExact, PathPrefix and PathRegex, paths starting with '/', only the methods Consul accepts and each once, exactly one of Present, Exact, Prefix, Suffix, Contains and Regex per header, IgnoreCase only with a text match, and at least one criterion. The message is Consul's, where Consul would say it is (Sources[i].Permissions[j].), the same text Build() and New-MeshIntention throw.",
                CompilerOnly + "Criteria whose value is not a constant (a path or header name in a variable), and lambdas that branch or loop or are passed as method groups or variables: Build() still checks those when it runs.",
                "Declare the request criteria as Consul accepts them; the message names the one refused.",
                "Consul's message", "declaring call"),
        };
    }
}
