namespace MeshOps.Rules.Text
{
    /// <summary>Kubernetes' RFC 1123 label rule, which Service names (and so Consul service names on k8s) must meet.</summary>
    public static class Dns1123
    {
        public const int MaxLabelLength = 63;

        /// <summary>At most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit.</summary>
        public static bool IsValidLabel(string? name)
        {
            if (string.IsNullOrEmpty(name) || name!.Length > MaxLabelLength)
            {
                return false;
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                var allowed = alphanumeric || (c == '-' && i > 0 && i < name.Length - 1);
                if (!allowed)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
