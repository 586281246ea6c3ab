/**
 * Word lists for generated container names. Adjectives are cheerful moods; surnames are people
 * whose work built computing, mathematics and the sciences. "boring" and "wozniak" are both here
 * on purpose: names.ts refuses to pair them.
 */
export const ADJECTIVES: readonly string[] = [
  "able", "agile", "amazed", "amused", "ardent", "artful", "awake", "blissful", "bold", "boring",
  "brave", "breezy", "bright", "brisk", "calm", "candid", "careful", "charming", "cheerful", "clever",
  "cosmic", "cozy", "crafty", "curious", "daring", "dazzling", "deft", "devoted", "diligent", "dreamy",
  "eager", "earnest", "elated", "elegant", "epic", "fearless", "festive", "fond", "frank", "friendly",
  "frosty", "gallant", "gentle", "giddy", "gleeful", "glowing", "graceful", "grateful", "happy", "hardy",
  "hearty", "helpful", "honest", "hopeful", "humble", "jolly", "jovial", "joyful", "keen", "kind",
  "lively", "loyal", "lucid", "lucky", "merry", "mellow", "mighty", "modest", "nimble", "noble",
  "patient", "peaceful", "playful", "plucky", "polite", "proud", "quick", "quiet", "radiant", "rapid",
  "serene", "sharp", "shiny", "sincere", "snappy", "spirited", "sprightly", "steady", "sturdy", "sunny",
  "swift", "tender", "thrifty", "tidy", "upbeat", "valiant", "vibrant", "vivid", "warm", "witty",
  "wise", "zany", "zealous", "zesty",
];

export const SURNAMES: readonly string[] = [
  // computing
  "lovelace", "babbage", "turing", "hopper", "hamilton", "ritchie", "thompson", "kernighan", "knuth",
  "dijkstra", "hoare", "liskov", "lamport", "mccarthy", "backus", "wirth", "stroustrup", "torvalds",
  "stallman", "wozniak", "cerf", "kahn", "bernerslee", "postel", "metcalfe", "engelbart", "kay",
  "sutherland", "allen", "goldberg", "joy", "pike", "cox", "bellard", "rivest", "shamir", "adleman",
  "diffie", "hellman", "merkle", "shannon", "hamming", "huffman", "nyquist", "vonneumann", "zuse",
  "eckert", "mauchly", "aiken", "atanasoff", "wilkes", "hollerith", "jacquard", "boole", "church",
  "kleene", "rabin", "scott", "karp", "cook", "tarjan", "hopcroft", "ullman", "aho", "sethi", "floyd",
  "minsky", "papert", "hinton", "lecun", "bengio", "pearl", "feigenbaum", "newell", "simon", "licklider",
  "corbato", "saltzer", "lampson", "thacker", "clark", "estrin", "baran", "davies", "kleinrock",
  "tanenbaum", "bach", "mckusick", "joyner", "haigh", "spafford", "wing", "milner", "kahan", "hennessy",
  "patterson", "bartik", "holberton", "teitelbaum", "spence", "meltzer", "lichterman", "keller",
  "clarke", "conway", "perlman", "wilson", "furber", "lehman", "brooks", "parnas", "naur", "iverson",
  // mathematics
  "euler", "gauss", "riemann", "noether", "hilbert", "godel", "cantor", "ramanujan", "hardy",
  "kovalevskaya", "germain", "fermat", "pascal", "leibniz", "newton", "lagrange", "laplace", "fourier",
  "cauchy", "galois", "abel", "jacobi", "dirichlet", "poincare", "lie", "klein", "weyl", "banach",
  "kolmogorov", "markov", "chebyshev", "lyapunov", "erdos", "mirzakhani", "nash", "tao", "wiles",
  "perelman", "grothendieck", "serre", "borel", "lebesgue", "hausdorff", "frege", "russell",
  "whitehead", "tarski", "zermelo", "fraenkel", "napier", "descartes", "euclid", "archimedes",
  "hypatia", "fibonacci", "khayyam", "brahmagupta", "aryabhata", "alkhwarizmi",
  // natural sciences and engineering
  "curie", "meitner", "franklin", "darwin", "mendel", "pasteur", "faraday", "maxwell", "tesla",
  "edison", "bohr", "planck", "einstein", "heisenberg", "schrodinger", "dirac", "pauli", "fermi",
  "feynman", "wu", "goeppertmayer", "chandrasekhar", "raman", "bose", "saha", "hubble", "leavitt",
  "payne", "rubin", "sagan", "herschel", "kepler", "galileo", "copernicus", "brahe", "hooke", "boyle",
  "lavoisier", "mendeleev", "dalton", "avogadro", "kelvin", "joule", "carnot", "boltzmann", "gibbs",
  "hodgkin", "mcclintock", "carson", "goodall", "elion", "lister", "jenner", "salk", "fleming",
  "watt", "stephenson", "brunel", "diesel", "benz", "wright", "marconi", "bell", "morse", "volta",
  "ampere", "ohm", "hertz", "lamarr", "johnson", "jackson", "vaughan", "easley", "noyce", "kilby",
  "moore", "shockley", "bardeen", "brattain",
];
