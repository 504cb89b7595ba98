namespace HiBobAdmin.Sandbox;

/// <summary>Word lists for the generated organisation. Every name is invented; the domains are reserved ones.</summary>
internal static class SandboxNames
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Ada", "Alan", "Amara", "Anton", "Beatriz", "Ben", "Carla", "Chen", "Dana", "David", "Elif", "Emil",
        "Farah", "Felix", "Grace", "Gustav", "Hana", "Hugo", "Ines", "Ivan", "Jana", "Jonas", "Kai", "Karin",
        "Leila", "Liam", "Maya", "Marco", "Nadia", "Noah", "Olga", "Oscar", "Priya", "Pablo", "Quinn", "Rosa",
        "Ravi", "Sara", "Samir", "Tara", "Tomas", "Uma", "Viktor", "Vera", "Wen", "Yusuf", "Zara", "Zoltan",
        "Aisha", "Bruno", "Clara", "Diego", "Eva", "Finn", "Greta", "Hiro", "Isla", "Jakub", "Kofi", "Lena",
    ];

    public static IReadOnlyList<string> Surnames { get; } =
    [
        "Abbott", "Alvarez", "Andersen", "Baker", "Banerjee", "Bauer", "Brennan", "Castro", "Chowdhury", "Cohen",
        "Dalton", "Duarte", "Eriksen", "Fischer", "Fontaine", "Garcia", "Gupta", "Hansen", "Haddad", "Ito",
        "Jansen", "Kaur", "Kowalski", "Larsen", "Lindqvist", "Lopez", "Mahler", "Marin", "Meyer", "Moreau",
        "Nakamura", "Novak", "Okafor", "Olsen", "Park", "Petrov", "Quinlan", "Rahman", "Reyes", "Rossi",
        "Schmidt", "Silva", "Singh", "Sorensen", "Tanaka", "Thornton", "Ueda", "Varga", "Wagner", "Walsh",
        "Weber", "Xu", "Yilmaz", "Young", "Zhang", "Ziegler", "Mensah", "Horvat", "Keller", "Lindgren",
    ];

    public static IReadOnlyList<string> Departments { get; } =
    [
        "Engineering", "Product", "Design", "Data", "Platform", "Security", "Sales", "Marketing", "Customer Success",
        "Finance", "People", "Legal", "Operations",
    ];

    public static IReadOnlyList<string> Titles { get; } =
    [
        "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "Product Manager",
        "Product Designer", "Data Analyst", "Data Engineer", "Site Reliability Engineer", "Security Engineer",
        "Account Executive", "Marketing Manager", "Customer Success Manager", "Financial Analyst", "People Partner",
        "Legal Counsel", "Operations Lead", "QA Engineer",
    ];

    public static IReadOnlyList<(string Identifier, string City)> Offices { get; } =
    [
        ("berlin", "Berlin"), ("lisbon", "Lisbon"), ("london", "London"), ("new-york", "New York"),
        ("tel-aviv", "Tel Aviv"),
    ];
}
