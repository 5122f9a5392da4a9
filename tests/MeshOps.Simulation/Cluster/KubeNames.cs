using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The generated parts of names and addresses, as the controllers make them (pod-template-hash, the pod suffix, pod and
/// cluster IPs), but derived from the object's name so each run of the simulation names the same objects the same way.
/// </summary>
internal static class KubeNames
{
    // apimachinery's rand.String alphabet: no vowels, no 0/1/3 (so no words and no look-alikes).
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>A pod-template-hash: ten characters, as the Deployment controller writes it.</summary>
    public static string TemplateHash(string seed) => Suffix("template/" + seed, 10);

    /// <summary>The five characters a ReplicaSet appends to its pods' names (generateName).</summary>
    public static string PodSuffix(string seed) => Suffix("pod/" + seed, 5);

    public static string Suffix(string seed, int length)
    {
        var hash = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[(int)(hash % (ulong)Alphabet.Length)]);
            hash = (hash / (ulong)Alphabet.Length) ^ ((ulong)i * 0x9E3779B97F4A7C15UL);
        }

        return text.ToString();
    }

    /// <summary>A stable UID for an object the simulation creates, so owner references can name it before it is stored.</summary>
    public static string Uid(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("uid/" + seed)).AsSpan(0, 16);
        return new Guid(bytes).ToString();
    }

    /// <summary>Allocates addresses in order: pods from 10.244.0.0/16, Services from 10.96.0.0/12 as kubeadm's defaults.</summary>
    public sealed class Addresses
    {
        private int _pods = 10;
        private int _services = 10;

        public string NextPodIp() => Ip("10.244", _pods++);

        public string NextClusterIp() => Ip("10.96", _services++);

        private static string Ip(string prefix, int n) => string.Create(CultureInfo.InvariantCulture, $"{prefix}.{n / 250}.{(n % 250) + 2}");
    }
}
