using System;
using System.Collections.Generic;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH701 and MESH703 (compile time only): a service name that is no DNS-1035 label, or one used twice.</summary>
    internal static class ServiceNameDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service, Dictionary<string, DeclaredService> byName)
        {
            var name = service.Model.ServiceName;
            var location = mesh.Argument(service.MeshService, 0);
            // Kubernetes validates a Service's name as a DNS-1035 label: a DNS-1123 label that starts with a letter.
            if (!Rules.Text.Dns1123.IsValidLabel(name) || name[0] is < 'a' or > 'z')
            {
                mesh.Report(DiagnosticDescriptors.InvalidServiceName, location, name, DeclaredMesh.Number(name.Length), service.Display);
            }

            if (byName.TryGetValue(name, out var first))
            {
                mesh.Report(DiagnosticDescriptors.DuplicateServiceName, location, name, service.Display, first.Display, Consequence(mesh, service, first));
            }
            else
            {
                byName.Add(name, service);
            }
        }

        /// <summary>
        /// What the two declarations make together. In one Kubernetes namespace they are the same objects. Across
        /// namespaces, Consul CE registers both into Consul namespace "default" as one service, and the consul-k8s
        /// webhook refuses the second ServiceDefaults of the name (it must be unique across namespaces when all entries
        /// go to one Consul namespace). Consul Enterprise with mirroring keeps them apart, but the typed mesh names a
        /// service by its name alone in upstream addresses and intentions, so it could not tell the two apart.
        /// </summary>
        private static string Consequence(DeclaredMesh mesh, DeclaredService service, DeclaredService first)
        {
            var ns = mesh.KubernetesNamespace(service);
            var firstNs = mesh.KubernetesNamespace(first);
            if (ns == firstNs)
            {
                return ". Both would write the same Service, ServiceAccount and ServiceDefaults; the last one applied wins and Consul sees one service";
            }

            var where = " in namespace " + firstNs + " (" + service.Display + " in " + ns + "). ";
            return mesh.Enterprise
                ? where + "Consul Enterprise keeps them apart (a service name is unique within its Consul namespace), but a typed mesh names a service by its name alone in [Upstream] addresses and intentions, so it would write both services' upstream addresses and intentions for " + first.Display
                : where + "Consul CE registers every Kubernetes namespace's services into Consul namespace default, so both are one Consul service whose instances are the pods of both, and the consul-k8s webhook refuses the second ServiceDefaults ('all ServiceDefaults resources must have unique names across namespaces')";
        }

        public static Dictionary<string, DeclaredService> NewIndex() => new Dictionary<string, DeclaredService>(StringComparer.Ordinal);
    }
}
