// The product half of the checkout page: picture, name, price and description. Server-rendered.

export function ProductShowcase({ name, description, imageUrl, price }: { name: string; description: string | null; imageUrl: string | null; price: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-5">
      {imageUrl ? (
        <div className="overflow-hidden rounded-2xl bg-white ring-1 ring-slate-200">
          {/* Merchants link pictures from any host, which next/image would need listed in advance. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={imageUrl} alt={name} className="aspect-[4/3] w-full object-cover" fetchPriority="high" />
        </div>
      ) : (
        <div aria-hidden="true" className="hidden aspect-video items-center justify-center rounded-2xl bg-linear-to-br from-brand-50 via-white to-slate-100 ring-1 ring-slate-200 lg:flex">
          <span className="text-7xl font-bold text-brand-600/25">{Array.from(name)[0]}</span>
        </div>
      )}
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{name}</h1>
        {price}
        {description ? <p className="text-base leading-relaxed whitespace-pre-line text-slate-600">{description}</p> : null}
      </div>
    </div>
  );
}
