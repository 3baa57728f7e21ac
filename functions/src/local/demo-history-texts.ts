/** What the demo's shoppers wrote, in Spanish and English, and why its staff gave a gift on their own. */

type Sentiment = "positive" | "neutral" | "negative";
type Texts = Record<Sentiment, Record<"es" | "en", string[]>>;

const comments: Texts = {
  positive: {
    es: [
      "Me ayudaron a elegir el sofá, un encanto",
      "Muy buena atención, volveré seguro",
      "La tienda está preciosa y todo muy ordenado",
      "Me han explicado muy bien las opciones de entrega",
      "Rápidos en caja y muy amables",
      "Encontré justo la mesa que buscaba",
      "Gracias por el café, ¡qué detalle!",
      "Calidad excelente para el precio",
    ],
    en: [
      "Lovely staff, they helped me pick a sofa",
      "Great service, will come back",
      "Beautiful store, easy to find everything",
      "Quick at the till and very friendly",
      "Found exactly the table I was looking for",
      "Thanks for the coffee, what a nice touch!",
    ],
  },
  neutral: {
    es: [
      "Bien, aunque había poca variedad de sillas",
      "Correcto, sin más",
      "Los precios han subido un poco",
      "Me faltó alguien que me atendiera en la planta de arriba",
      "Bien, pero el probador de colchones estaba ocupado",
    ],
    en: ["Fine, but not much choice of chairs", "OK overall, prices went up a bit", "Nobody around upstairs to ask"],
  },
  negative: {
    es: [
      "Esperé más de veinte minutos para pagar",
      "No había stock del modelo que vi en la web",
      "La dependienta no me hizo caso",
      "Solo una caja abierta a la hora de comer",
      "El pedido llegó con una pata rota y nadie me dio solución",
      "Demasiado caro para lo que es",
      "La tienda estaba desordenada y sucia",
    ],
    en: [
      "Waited twenty minutes to pay",
      "The model I saw online was out of stock",
      "Only one till open at lunchtime",
      "Staff ignored me",
      "Too expensive for what it is",
    ],
  },
};

const apologies: Texts = {
  positive: { es: [], en: [] },
  neutral: { es: [], en: [] },
  negative: {
    es: [
      "Esperó demasiado en caja",
      "No teníamos su modelo en stock",
      "Disculpa por el trato recibido",
      "Pedido entregado con un defecto",
    ],
    en: [],
  },
};

/** One text of the kind, for the sentiment and language, chosen by the generator. */
export function historyText(
  random: () => number,
  kind: "comments" | "apologies",
  sentiment: Sentiment,
  lang: "es" | "en",
): string {
  const list = (kind === "comments" ? comments : apologies)[sentiment][lang];
  return list[Math.floor(random() * list.length)] ?? "";
}
