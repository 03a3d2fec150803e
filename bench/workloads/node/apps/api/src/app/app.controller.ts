import { BadRequestException, Body, Controller, Get, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Repository } from 'typeorm';
import { greet } from '@nest-nx/greeting';
import { Greeting } from './greeting.entity';
import { GreetingInput } from './greeting.input';

@Controller()
export class AppController {
  constructor(@InjectRepository(Greeting) private readonly greetings: Repository<Greeting>) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /** Validates the name (class-validator), stores the greeting (TypeORM on sql.js) and counts them. */
  @Get('greet/:name')
  async greet(@Param('name') name: string) {
    const input = plainToInstance(GreetingInput, { name });
    const errors = await validate(input);
    if (errors.length > 0) throw new BadRequestException(errors.map((e) => e.toString()));
    const saved = await this.greetings.save(this.greetings.create({ text: greet(input.name) }));
    return { greeting: saved.text, framework: 'nest', stored: await this.greetings.count() };
  }

  @Post('greet')
  async create(@Body() body: GreetingInput) {
    return this.greet(body.name);
  }
}
