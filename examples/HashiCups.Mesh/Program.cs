using HashiCups;

Console.Out.Write(new HashiCupsMesh().ToYaml());
