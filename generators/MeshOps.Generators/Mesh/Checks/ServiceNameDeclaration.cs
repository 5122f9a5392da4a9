using System;
using System.Collections.Generic;

namespace MeshOps.Generators.Mesh.Checks
{
    /// <summary>MESH701 and MESH703 (compile time only): a service name that is no DNS-1123 label, or one used twice.</summary>
    internal static class ServiceNameDeclaration
    {
        public static void Check(DeclaredMesh mesh, DeclaredService service, Dictionary<string, DeclaredService> byName)
        {
            var name = service.Model.ServiceName;
            var location = mesh.Argument(service.MeshService, 0);
            if (!Rules.Text.Dns1123.IsValidLabel(name))
            {
                mesh.Report(DiagnosticDescriptors.InvalidServiceName, location, name, DeclaredMesh.Number(name.Length), service.Display);
            }

            if (byName.TryGetValue(name, out var first))
            {
                mesh.Report(DiagnosticDescriptors.DuplicateServiceName, location, name, service.Display, first.Display);
            }
            else
            {
                byName.Add(name, service);
            }
        }

        public static Dictionary<string, DeclaredService> NewIndex() => new Dictionary<string, DeclaredService>(StringComparer.Ordinal);
    }
}
